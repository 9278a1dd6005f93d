package dev.keyhole.dynamo.expression.ast;

/** The comparison operators, each with the symbol DynamoDB's messages use. */
public enum Comparator {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as written. */
    public String symbol() {
        return symbol;
    }

    /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
    public Comparator flipped() {
        return switch (this) {
            case LT -> GT;
            case LE -> GE;
            case GT -> LT;
            case GE -> LE;
            default -> this;
        };
    }

    /** The operator spelled {@code symbol}, if any. */
    public static Comparator ofSymbol(String symbol) {
        for (Comparator c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        return null;
    }
}
