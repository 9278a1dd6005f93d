package dev.keyhole.server.ui;

/** Durations for people: {@code 3h 05m}, {@code 29m 59s}, {@code 42s}. */
final class TimeText {

    private TimeText() {}

    static String of(long seconds) {
        if (seconds < 0) {
            return "";
        }
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (h > 0) {
            return "%dh %02dm".formatted(h, m);
        }
        return m > 0 ? "%dm %02ds".formatted(m, s) : s + "s";
    }
}
