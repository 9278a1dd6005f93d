package dev.keyhole.iam.catalog;

import java.util.List;

/**
 * One IAM action of a service.
 *
 * @param service the service prefix, e.g. {@code dynamodb}
 * @param name the action name as AWS spells it, e.g. {@code Query}
 * @param access the access level (Read, Write, List, Tagging, Permissions management)
 * @param resourceTypes the resource types it can be scoped to; empty when it needs {@code "Resource": "*"}
 * @param keys the service-specific (and tag) condition keys its requests can carry, besides the global ones
 */
public record ActionInfo(String service, String name, String access, List<String> resourceTypes, List<String> keys) {

    public ActionInfo {
        resourceTypes = List.copyOf(resourceTypes);
        keys = List.copyOf(keys);
    }

    /** {@code service:Name}. */
    public String fullName() {
        return service + ":" + name;
    }

    /** Whether the action changes data or configuration. */
    public boolean writes() {
        return !access.equals("Read") && !access.equals("List");
    }
}
