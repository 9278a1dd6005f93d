/** Text a person typed to typed, validated parameter values that travel only as ExpressionAttributeValues. */
package dev.keyhole.runbook.bind;
