package dev.keyhole.gateway.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.keyhole.gateway.Caller;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The claims of a token whose signature already verified: checked against the settings and {@code now}, then
 * read as a {@link Caller}. Claim values in messages pass through {@link #shown} — they come from the token's
 * author, who may be an attacker.
 */
final class TokenClaims {

    private final JWTClaimsSet claims;
    private final OidcVerifier.Settings settings;
    private final Instant now;

    TokenClaims(JWTClaimsSet claims, OidcVerifier.Settings settings, Instant now) {
        this.claims = claims;
        this.settings = settings;
        this.now = now;
    }

    /** The caller, once issuer, audience and validity period are right. */
    Caller caller() {
        checkIssuer();
        checkAudience();
        checkTimes();
        return new Caller(username(), groups());
    }

    private void checkIssuer() {
        String iss = claims.getIssuer();
        if (iss == null) {
            throw new AuthenticationException("the token names no issuer (`iss`); keyhole trusts only `" + settings.issuer() + "`");
        }
        if (!iss.equals(settings.issuer())) {
            throw new AuthenticationException("the token was issued by `" + shown(iss) + "`, not by the trusted issuer `"
                    + settings.issuer() + "`");
        }
    }

    private void checkAudience() {
        List<String> aud = claims.getAudience();
        if (!aud.contains(settings.audience())) {
            throw new AuthenticationException("the token is meant for " + (aud.isEmpty() ? "no audience (`aud`)"
                    : "`" + shown(String.join(" ", aud)) + "`") + ", not for keyhole's audience `" + settings.audience() + "`");
        }
    }

    private void checkTimes() {
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            throw new AuthenticationException("the token has no expiry (`exp`); keyhole accepts only tokens that expire");
        }
        if (!now.isBefore(exp.toInstant().plus(settings.skew()))) {
            throw new AuthenticationException("the token expired at " + exp.toInstant() + " (now " + now + ", "
                    + settings.skew().toSeconds() + " s of clock skew allowed); sign in again for a fresh one");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(settings.skew()).isBefore(nbf.toInstant())) {
            throw new AuthenticationException("the token is not valid before " + nbf.toInstant() + " (now " + now
                    + "); check the issuer's and keyhole's clocks");
        }
        Date iat = claims.getIssueTime();
        if (iat != null && now.plus(settings.skew()).isBefore(iat.toInstant())) {
            throw new AuthenticationException("the token was issued in the future (" + iat.toInstant() + ", now " + now
                    + "); check the issuer's and keyhole's clocks");
        }
    }

    private String username() {
        if (claims.getClaim(settings.usernameClaim()) instanceof String s && !s.isBlank()) {
            return s;
        }
        String sub = claims.getSubject();
        if (sub == null || sub.isBlank()) {
            throw new AuthenticationException("the token names nobody: it has neither `" + settings.usernameClaim()
                    + "` nor `sub`");
        }
        return sub;
    }

    private Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        Object g = claims.getClaim(settings.groupsClaim());
        if (g instanceof String s) {
            for (String part : s.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    groups.add(part);
                }
            }
        } else if (g instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    throw new AuthenticationException("the `" + settings.groupsClaim() + "` claim must list strings; "
                            + "it holds `" + shown(String.valueOf(item)) + "`");
                }
                if (!s.isBlank()) {
                    groups.add(s);
                }
            }
        } else if (g != null) {
            throw new AuthenticationException("the `" + settings.groupsClaim() + "` claim must be an array of strings or "
                    + "a space-separated string");
        }
        return groups;
    }

    /** {@code value} fit for a one-line message: control characters replaced, at most 80 characters. */
    static String shown(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 80 ? clean : clean.substring(0, 80) + "…";
    }
}
