/**
 * From a CloudTrail DynamoDB event to the IAM authorizations the call needed: takes a
 * {@link dev.keyhole.drift.trail.TrailEvent}, gives {@link dev.keyhole.dynamo.iam.IamCheck}s
 * (reusing keyhole-dynamo's request → IAM derivation).
 */
package dev.keyhole.drift.map;
