/** {@code keyhole audit}: search, tail, verify and export the audit log, and export its public key. */
package dev.keyhole.cli.audit;
