/** SigV4 verification: a request's signature recomputed with the AWS SDK's own signer and compared in constant time. */
package dev.keyhole.local.signing;
