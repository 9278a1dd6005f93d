/**
 * {@code keyhole serve}: HTTP in, the gateway's decisions out. Every route but health authenticates
 * (bearer token or session cookie); the JSON API lives under {@code /api/v1} and is described by the
 * OpenAPI document generated from the same route table that registers it.
 */
package dev.keyhole.server;
