/**
 * Generated CloudTrail, for tests, demos and the benchmark: {@link dev.keyhole.drift.generate.TrailRecord}
 * builds one record as CloudTrail writes it, {@link dev.keyhole.drift.generate.TrailWriter} lays records
 * out as a trail delivers them to S3, {@link dev.keyhole.drift.generate.SyntheticTrail} makes a large,
 * realistic mix.
 */
package dev.keyhole.drift.generate;
