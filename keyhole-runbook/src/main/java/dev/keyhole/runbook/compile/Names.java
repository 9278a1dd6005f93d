package dev.keyhole.runbook.compile;

import java.util.Locale;

/** Statement ids and resource names derived from runbook names (IAM Sids are letters and digits only). */
final class Names {

    private Names() {}

    static String sid(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            for (String word : part.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return sb.toString();
    }

    /** A name usable as a Terraform or CloudFormation identifier. */
    static String identifier(String name) {
        String id = name.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT);
        return Character.isDigit(id.charAt(0)) ? "_" + id : id;
    }
}
