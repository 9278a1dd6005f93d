/** One HTTP port speaking DynamoDB's JSON 1.0 protocol and STS's query protocol, authenticating and authorizing every call. */
package dev.keyhole.local.http;
