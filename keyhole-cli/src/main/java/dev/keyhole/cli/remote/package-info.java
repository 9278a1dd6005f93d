/** CLI commands against a running {@code keyhole serve}: {@code --server URL}, token from {@code KEYHOLE_TOKEN}. */
package dev.keyhole.cli.remote;
