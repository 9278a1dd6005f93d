package dev.keyhole.iam.catalog;

import java.util.Map;

/**
 * One service's part of the catalog.
 *
 * @param prefix the service prefix
 * @param name the service's name
 * @param complete whether every action and key of the service is listed (only then are unlisted ones reported)
 * @param regional whether its resources live in a region (so a policy should pin one)
 * @param resourceTypes resource type to ARN format, with {@code ${...}} placeholders
 * @param actions lower-case action name to the action
 * @param keys the service's own condition keys, by lower-case name
 */
public record ServiceInfo(String prefix, String name, boolean complete, boolean regional,
                          Map<String, String> resourceTypes, Map<String, ActionInfo> actions, Map<String, KeyInfo> keys) {

    public ServiceInfo {
        resourceTypes = Map.copyOf(resourceTypes);
        actions = Map.copyOf(actions);
        keys = Map.copyOf(keys);
    }
}
