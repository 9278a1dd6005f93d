package dev.keyhole.iam.parse;

/** Builds RFC 6901 JSON pointers, escaping {@code ~} and {@code /} in member names. */
final class Pointer {

    private Pointer() {}

    static String child(String parent, String member) {
        return parent + "/" + member.replace("~", "~0").replace("/", "~1");
    }

    static String child(String parent, int index) {
        return parent + "/" + index;
    }
}
