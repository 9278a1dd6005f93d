/** {@code keyhole tokens}: create, list and revoke API tokens (stored only as hashes). */
package dev.keyhole.cli.tokens;
