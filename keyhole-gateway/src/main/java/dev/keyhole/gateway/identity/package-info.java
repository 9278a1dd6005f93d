/** Who is calling: API tokens (stored only as hashes) for people and scripts, checked in constant time. */
package dev.keyhole.gateway.identity;
