package dev.keyhole.gateway.shape;

import dev.keyhole.runbook.model.MaskRule;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Applies a runbook's masking rules to items before anything is printed or logged: {@code redact}
 * replaces the value, {@code hash} replaces it with a keyed hash (equal values stay equal, so people
 * can still correlate), {@code partial} keeps only the last characters.
 */
public final class Masker {

    /** What a redacted value reads as. */
    public static final String REDACTED = "[redacted]";

    private final SecretKeySpec hashKey;

    /** {@code hashKey}: the deployment's secret for keyed hashes. */
    public Masker(byte[] hashKey) {
        this.hashKey = new SecretKeySpec(hashKey.clone(), "HmacSHA256");
    }

    /** A masked copy of {@code item}. */
    public Map<String, AttributeValue> mask(Map<String, AttributeValue> item, List<MaskRule> rules) {
        if (rules.isEmpty()) {
            return item;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>(item);
        for (MaskRule r : rules) {
            AttributeValue v = out.get(r.attribute());
            if (v != null) {
                out.put(r.attribute(), AttributeValue.fromS(apply(r, text(v))));
            }
        }
        return out;
    }

    private String apply(MaskRule r, String text) {
        return switch (r.mode()) {
            case REDACT -> REDACTED;
            case HASH -> "hash:" + hmac(text).substring(0, 16);
            case PARTIAL -> text.length() <= r.keep() ? "*".repeat(text.length())
                    : "*".repeat(text.length() - r.keep()) + text.substring(text.length() - r.keep());
        };
    }

    private static String text(AttributeValue v) {
        if (v.s() != null) {
            return v.s();
        }
        if (v.n() != null) {
            return v.n();
        }
        return v.toString();
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
