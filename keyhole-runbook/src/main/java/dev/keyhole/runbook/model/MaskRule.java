package dev.keyhole.runbook.model;

/**
 * How one attribute is shown.
 *
 * @param attribute the top-level attribute name
 * @param mode {@code redact} (replaced by a fixed marker), {@code hash} (a keyed hash, stable within
 *     one deployment) or {@code partial} (only the last {@code keep} characters)
 * @param keep for {@code partial}: how many trailing characters stay visible
 */
public record MaskRule(String attribute, Mode mode, int keep) {

    /** The masking modes. */
    public enum Mode { REDACT, HASH, PARTIAL }
}
