package dev.keyhole.iam.evaluate;

/**
 * An ARN split once into its six colon-separated components (the sixth keeps any further colons),
 * so that many patterns can be matched against it without splitting again.
 */
final class Arn {

    final String text;
    // INVARIANT: when valid, starts[i]..ends[i] delimit component i of text; 6 components.
    final int[] starts = new int[6];
    final int[] ends = new int[6];
    final boolean valid;

    Arn(String text) {
        this.text = text;
        int n = 0;
        int start = 0;
        for (int i = 0; i < text.length() && n < 5; i++) {
            if (text.charAt(i) == ':') {
                starts[n] = start;
                ends[n] = i;
                n++;
                start = i + 1;
            }
        }
        if (n == 5) {
            starts[5] = start;
            ends[5] = text.length();
        }
        valid = n == 5 && text.startsWith("arn:");
    }
}
