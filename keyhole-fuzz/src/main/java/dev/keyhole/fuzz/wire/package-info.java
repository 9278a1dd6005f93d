/**
 * HTTP as bytes: a fuzz input written like an HTTP message ({@link dev.keyhole.fuzz.wire.HttpInput}) becomes a
 * request on a plain socket ({@link dev.keyhole.fuzz.wire.RawHttp}), optionally SigV4-signed with the SDK's own
 * signer ({@link dev.keyhole.fuzz.wire.Signing}) so mutations of signed requests get past authentication.
 */
package dev.keyhole.fuzz.wire;
