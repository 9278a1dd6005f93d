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

    /** {@link #match} when a policy value matches the context value. */
    int MATCH = 1;
    /** {@link #match} when no policy value matches. */
    int NO_MATCH = 0;
    /** {@link #match} when the context value cannot be read as this family's type at all. */
    int INVALID = -1;

    /**
     * Reads the context value once and compares it with every policy value (in the positive sense of
     * the operator): {@link #MATCH}, {@link #NO_MATCH} or {@link #INVALID}.
     */
    int match(String contextValue);
}
