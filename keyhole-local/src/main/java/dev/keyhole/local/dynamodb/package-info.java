/** DynamoDB operations of the local engine: tables, items, queries and scans, stored durably. */
package dev.keyhole.local.dynamodb;
