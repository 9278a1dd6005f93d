package dev.keyhole.iam.policy;

/** The kind of comparison a condition operator makes, which decides how values are read. */
public enum OperatorFamily {
    STRING,
    NUMERIC,
    DATE,
    BOOL,
    BINARY,
    IP_ADDRESS,
    ARN,
    NULL
}
