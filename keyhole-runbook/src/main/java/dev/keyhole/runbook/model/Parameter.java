package dev.keyhole.runbook.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A typed runbook parameter. Bound values only ever travel as {@code ExpressionAttributeValues}.
 *
 * @param name the name, used as {@code :name} in expressions
 * @param type the type
 * @param description for people
 * @param required whether a value must be given (a default satisfies it)
 * @param defaultValue the default as text, or {@code null}
 * @param pattern strings: a regular expression the whole value must match, or {@code null}
 * @param minLength strings: minimum length, or {@code null}
 * @param maxLength strings: maximum length, or {@code null}
 * @param allowed strings: the only values allowed, or empty for any
 * @param min numbers: inclusive minimum, or {@code null}
 * @param max numbers: inclusive maximum, or {@code null}
 * @param integer numbers: whether only integers are allowed
 * @param format datetimes: how the value is written into the query: {@code iso8601} (default),
 *     {@code epoch-seconds} or {@code epoch-millis}
 */
public record Parameter(
        String name,
        ParameterType type,
        String description,
        boolean required,
        String defaultValue,
        String pattern,
        Integer minLength,
        Integer maxLength,
        List<String> allowed,
        BigDecimal min,
        BigDecimal max,
        boolean integer,
        String format) {

    public Parameter {
        allowed = List.copyOf(allowed);
    }
}
