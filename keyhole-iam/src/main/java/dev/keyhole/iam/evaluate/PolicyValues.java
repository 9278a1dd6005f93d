package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.request.RequestContext;

/**
 * The compiled values of one condition, for one operator family. Values without policy variables
 * are compiled once; values with variables are bound to each request first.
 */
interface PolicyValues {

    /**
     * These values with policy variables substituted from {@code ctx}. A value whose variable has no
     * value is null and matches nothing (so a negated operator holds), as
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value describes.
     */
    PolicyValues bind(RequestContext ctx);

    /** Whether a context value can be read as this family's type at all. */
    boolean accepts(String contextValue);

    /** Whether the context value matches at least one policy value (in the positive sense of the operator). */
    boolean matchesAny(String contextValue);
}
