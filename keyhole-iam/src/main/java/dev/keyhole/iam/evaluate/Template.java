package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.request.ContextValue;
import dev.keyhole.iam.request.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A policy string that may hold policy variables: {@code ${aws:username}},
 * {@code ${aws:PrincipalTag/team, 'none'}} and the escapes {@code ${*}}, {@code ${?}}, {@code ${$}}.
 *
 * <p>Variables exist only under {@code Version 2012-10-17}; otherwise the text is literal. A variable
 * whose key is missing (with no default) or multivalued cannot be resolved, and the caller treats the
 * element as not matching. See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
final class Template {

    /** One piece of a template. */
    private sealed interface Part permits Text, Escape, Variable {}

    /** Policy text: {@code *} and {@code ?} in it are wildcards where the operator allows them. */
    private record Text(String text) implements Part {}

    /** A character that is always literal, written as {@code ${*}}, {@code ${?}} or {@code ${$}}. */
    private record Escape(char c) implements Part {}

    /** A context key; {@code fallback} is the default value or {@code null}. */
    private record Variable(String lowerKey, String fallback) implements Part {}

    private final List<Part> parts;
    private final String raw;

    private Template(String raw, List<Part> parts) {
        this.raw = raw;
        this.parts = parts;
    }

    /** Parses {@code raw}; with {@code variables} false the whole string is literal policy text. */
    static Template parse(String raw, boolean variables) {
        List<Part> parts = new ArrayList<>();
        if (!variables || !raw.contains("${")) {
            parts.add(new Text(raw));
            return new Template(raw, parts);
        }
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < raw.length()) {
            int open = raw.indexOf("${", i);
            int close = open < 0 ? -1 : raw.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                text.append(raw, i, raw.length());
                break;
            }
            text.append(raw, i, open);
            String inner = raw.substring(open + 2, close);
            Part part = variablePart(inner);
            if (part == null) {
                text.append(raw, open, close + 1);
            } else {
                if (!text.isEmpty()) {
                    parts.add(new Text(text.toString()));
                    text.setLength(0);
                }
                parts.add(part);
            }
            i = close + 1;
        }
        if (!text.isEmpty()) {
            parts.add(new Text(text.toString()));
        }
        return new Template(raw, parts);
    }

    private static Part variablePart(String inner) {
        if (inner.equals("*") || inner.equals("?") || inner.equals("$")) {
            return new Escape(inner.charAt(0));
        }
        String key = inner;
        String fallback = null;
        int comma = inner.indexOf(',');
        if (comma >= 0) {
            key = inner.substring(0, comma).trim();
            String def = inner.substring(comma + 1).trim();
            if (def.length() >= 2 && def.startsWith("'") && def.endsWith("'")) {
                fallback = def.substring(1, def.length() - 1);
            } else {
                return null;
            }
        }
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
            return null;
        }
        return new Variable(key.toLowerCase(Locale.ROOT), fallback);
    }

    /** Whether resolution depends on the request. */
    boolean hasVariables() {
        for (Part p : parts) {
            if (!(p instanceof Text)) {
                return true;
            }
        }
        return false;
    }

    /** The text as written in the policy. */
    String raw() {
        return raw;
    }

    /** The literal string this template stands for in {@code ctx}, or {@code null} if unresolvable. */
    String resolveString(RequestContext ctx) {
        if (parts.size() == 1 && parts.get(0) instanceof Text t) {
            return t.text();
        }
        StringBuilder sb = new StringBuilder(raw.length() + 16);
        for (Part p : parts) {
            switch (p) {
                case Text t -> sb.append(t.text());
                case Escape e -> sb.append(e.c());
                case Variable v -> {
                    String value = value(v, ctx);
                    if (value == null) {
                        return null;
                    }
                    sb.append(value);
                }
            }
        }
        return sb.toString();
    }

    /** The wildcard pattern this template stands for in {@code ctx}, or {@code null} if unresolvable. */
    Glob resolveGlob(RequestContext ctx) {
        if (parts.size() == 1 && parts.get(0) instanceof Text t) {
            return Glob.of(t.text());
        }
        StringBuilder chars = new StringBuilder(raw.length() + 16);
        StringBuilder wild = new StringBuilder(raw.length() + 16);
        for (Part p : parts) {
            switch (p) {
                case Text t -> {
                    for (int i = 0; i < t.text().length(); i++) {
                        char c = t.text().charAt(i);
                        chars.append(c);
                        wild.append(c == '*' || c == '?' ? 'w' : 'l');
                    }
                }
                case Escape e -> {
                    chars.append(e.c());
                    wild.append('l');
                }
                case Variable v -> {
                    String value = value(v, ctx);
                    if (value == null) {
                        return null;
                    }
                    chars.append(value);
                    wild.append("l".repeat(value.length()));
                }
            }
        }
        boolean[] w = new boolean[wild.length()];
        for (int i = 0; i < w.length; i++) {
            w[i] = wild.charAt(i) == 'w';
        }
        return new Glob(chars.toString().toCharArray(), w);
    }

    private static String value(Variable v, RequestContext ctx) {
        ContextValue cv = ctx.getLower(v.lowerKey());
        if (cv == null || cv.multivalued()) {
            // A multivalued key cannot be a policy variable.
            return v.fallback();
        }
        return cv.values().get(0);
    }
}
