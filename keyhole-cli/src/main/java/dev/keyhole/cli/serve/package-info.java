/** {@code keyhole serve}: the gateway as a server — JSON API, web UI, metrics — optionally with the demo world in-process. */
package dev.keyhole.cli.serve;
