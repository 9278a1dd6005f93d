/**
 * Reading CloudTrail: sources (a directory in S3 delivery layout, an S3 bucket, JSON Lines on a
 * stream) give files; {@link dev.keyhole.drift.trail.TrailScanner} parses them in parallel, streaming,
 * into {@link dev.keyhole.drift.trail.TrailEvent}s with duplicates dropped and bad files reported.
 */
package dev.keyhole.drift.trail;
