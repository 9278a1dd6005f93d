/** DynamoDB knowledge shared by every module: the one validation error type lives here, the stages live in sub-packages. */
package dev.keyhole.dynamo;
