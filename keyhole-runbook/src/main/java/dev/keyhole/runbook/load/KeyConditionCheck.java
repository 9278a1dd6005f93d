package dev.keyhole.runbook.load;

import java.util.regex.Pattern;

/**
 * Whether a key condition compares the partition key with {@code =} to a parameter, so every
 * execution is pinned to one partition (and {@code dynamodb:LeadingKeys} can name it).
 */
final class KeyConditionCheck {

    private KeyConditionCheck() {}

    static boolean pinsPartitionKey(String keyCondition, String partitionKey) {
        String name = Pattern.quote(partitionKey);
        Pattern p = Pattern.compile("(^|[^A-Za-z0-9_.#])" + name + "\\s*=\\s*:[A-Za-z0-9_]+|:[A-Za-z0-9_]+\\s*=\\s*"
                + name + "($|[^A-Za-z0-9_])");
        return p.matcher(keyCondition).find() && !keyCondition.matches("(?is).*\\bOR\\b.*");
    }
}
