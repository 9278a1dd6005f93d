package dev.keyhole.iam.catalog;

/**
 * One condition key AWS defines.
 *
 * @param name the key as AWS spells it; a templated key ends in {@code /${TagKey}}
 * @param type its type
 * @param absentGrantsNothing whether a request without the key asks for nothing the key restricts
 *     (e.g. {@code aws:TagKeys}: no tags), so a set test that passes when it is missing is harmless
 */
public record KeyInfo(String name, KeyType type, boolean absentGrantsNothing) {

    /** Whether the key is a family such as {@code aws:PrincipalTag/${TagKey}}. */
    public boolean templated() {
        return name.contains("${");
    }

    /** The fixed part of a templated key, e.g. {@code aws:PrincipalTag/}; the whole name otherwise. */
    public String prefix() {
        int at = name.indexOf("${");
        return at < 0 ? name : name.substring(0, at);
    }
}
