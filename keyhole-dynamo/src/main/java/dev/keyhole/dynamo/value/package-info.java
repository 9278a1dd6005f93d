/** DynamoDB attribute values: the typed model, its JSON wire codec, key ordering and item size arithmetic. */
package dev.keyhole.dynamo.value;
