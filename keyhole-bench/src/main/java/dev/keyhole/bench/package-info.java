/** Benchmarks and load drivers: JMH for the evaluator, SDK load against the local engine, run overhead; never run by tests. */
package dev.keyhole.bench;
