package dev.keyhole.dynamo.value;

import dev.keyhole.dynamo.DynamoValidationException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * One DynamoDB attribute value, in the ten wire types. Every instance is valid by construction: numbers
 * are normalized and in range, sets are non-empty and free of duplicates, so equality is DynamoDB's
 * equality ({@code 1.0} equals {@code 1}; sets compare without order).
 *
 * <p>Factories that take collections ({@link #ss(List)}, {@link #ns(List)}, {@link #bs(List)}) report
 * duplicates with DynamoDB's message; the record constructors take sets and only check emptiness.
 */
public sealed interface AttributeValue {

    /** The wire type code: {@code S}, {@code N}, {@code B}, {@code BOOL}, {@code NULL}, {@code L}, {@code M}, {@code SS}, {@code NS}, {@code BS}. */
    String type();

    /** A string. Empty strings are allowed outside keys. */
    record S(String value) implements AttributeValue {
        public S {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String type() {
            return "S";
        }
    }

    /** A number, held normalized: {@code value} never has trailing zeroes and zero is {@link BigDecimal#ZERO}. */
    record N(BigDecimal value) implements AttributeValue {
        public N {
            value = Numbers.normalize(value);
        }

        /** The number DynamoDB's text {@code text} denotes, or DynamoDB's ValidationException. */
        public static N of(String text) {
            return new N(Numbers.parse(text));
        }

        /** The text DynamoDB returns for this number. */
        public String text() {
            return Numbers.text(value);
        }

        @Override
        public String type() {
            return "N";
        }
    }

    /** Binary data. */
    record B(Bytes value) implements AttributeValue {
        public B {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String type() {
            return "B";
        }
    }

    /** A boolean. */
    record BOOL(boolean value) implements AttributeValue {
        /** {@code true}. */
        public static final BOOL TRUE = new BOOL(true);
        /** {@code false}. */
        public static final BOOL FALSE = new BOOL(false);

        @Override
        public String type() {
            return "BOOL";
        }
    }

    /** The null value. */
    record NULL() implements AttributeValue {
        /** The only value anyone needs. */
        public static final NULL INSTANCE = new NULL();

        @Override
        public String type() {
            return "NULL";
        }
    }

    /** A list; elements keep their order. */
    record L(List<AttributeValue> values) implements AttributeValue {
        public L {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "L";
        }
    }

    /** A map from attribute names to values; entries keep their insertion order. */
    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public M {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        @Override
        public String type() {
            return "M";
        }
    }

    /** A string set. */
    record SS(Set<String> values) implements AttributeValue {
        public SS {
            values = nonEmpty(values, "One or more parameter values were invalid: An string set  may not be empty");
        }

        @Override
        public String type() {
            return "SS";
        }
    }

    /** A number set; members are normalized like {@link N}. */
    record NS(Set<BigDecimal> values) implements AttributeValue {
        public NS {
            LinkedHashSet<BigDecimal> normalized = new LinkedHashSet<>();
            for (BigDecimal v : values) {
                normalized.add(Numbers.normalize(v));
            }
            values = nonEmpty(normalized, "One or more parameter values were invalid: An number set  may not be empty");
        }

        @Override
        public String type() {
            return "NS";
        }
    }

    /** A binary set. */
    record BS(Set<Bytes> values) implements AttributeValue {
        public BS {
            values = nonEmpty(values, "One or more parameter values were invalid: Binary sets should not be empty");
        }

        @Override
        public String type() {
            return "BS";
        }
    }

    /** A string value. */
    static S s(String value) {
        return new S(value);
    }

    /** A number from DynamoDB's text form. */
    static N n(String text) {
        return N.of(text);
    }

    /** A number. */
    static N n(long value) {
        return new N(BigDecimal.valueOf(value));
    }

    /** A binary value. */
    static B b(byte... bytes) {
        return new B(Bytes.of(bytes));
    }

    /** A boolean value. */
    static BOOL bool(boolean value) {
        return value ? BOOL.TRUE : BOOL.FALSE;
    }

    /** The null value. */
    static NULL nul() {
        return NULL.INSTANCE;
    }

    /** A list value. */
    static L l(AttributeValue... values) {
        return new L(List.of(values));
    }

    /** A map value. */
    static M m(Map<String, AttributeValue> values) {
        return new M(values);
    }

    /** A string set from wire order, refusing duplicates as DynamoDB does. */
    static SS ss(List<String> values) {
        return new SS(unique(values, Function.identity(),
                () -> "One or more parameter values were invalid: Input collection " + listText(values) + " contains duplicates."));
    }

    /** A string set. */
    static SS ss(String... values) {
        return ss(List.of(values));
    }

    /** A number set from wire texts, refusing duplicates (after normalization) as DynamoDB does. */
    static NS ns(List<String> texts) {
        return new NS(unique(texts, Numbers::parse, () -> "Input collection contains duplicates"));
    }

    /** A number set. */
    static NS ns(String... texts) {
        return ns(List.of(texts));
    }

    /** A binary set from wire order, refusing duplicates as DynamoDB does. */
    static BS bs(List<Bytes> values) {
        return new BS(unique(values, Function.identity(),
                () -> "One or more parameter values were invalid: Input collection " + listText(values) + "of type BS contains duplicates."));
    }

    private static <T, R> Set<R> unique(List<T> values, Function<T, R> convert, java.util.function.Supplier<String> duplicate) {
        LinkedHashSet<R> out = new LinkedHashSet<>();
        for (T v : values) {
            if (!out.add(convert.apply(v))) {
                throw DynamoValidationException.validation(duplicate.get());
            }
        }
        return out;
    }

    private static String listText(List<?> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(values.get(i));
        }
        return b.append(']').toString();
    }

    private static <T> Set<T> nonEmpty(Set<T> values, String message) {
        if (values.isEmpty()) {
            throw DynamoValidationException.validation(message);
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }
}
