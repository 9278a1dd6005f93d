package dev.keyhole.dynamo.expression.keycondition;

/** The conditions DynamoDB allows on a sort key. */
public enum SortOperator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }
