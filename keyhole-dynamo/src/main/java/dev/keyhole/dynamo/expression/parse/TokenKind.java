package dev.keyhole.dynamo.expression.parse;

/** The lexical classes of expression text. */
enum TokenKind {
    /** An identifier: a letter, then letters, digits or underscores. Keywords are names too. */
    NAME,
    /** {@code #name}. */
    NAME_REF,
    /** {@code :value}. */
    VALUE_REF,
    /** Decimal digits, only meaningful inside {@code [ ]}. */
    NUMBER,
    /** Punctuation and operators. */
    SYMBOL,
    /** A character the language has no use for; the parser reports it as a syntax error. */
    UNKNOWN,
    /** The end of the text, shown as {@code <EOF>}. */
    EOF
}
