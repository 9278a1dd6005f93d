/** Simulation cases (JSON Lines or YAML trees) to decisions and back to JSON: the contract other tools drive. */
package dev.keyhole.iam.simulate;
