/**
 * Who is calling. {@link dev.keyhole.gateway.identity.Authenticator} takes an {@code Authorization} header and
 * gives a {@link dev.keyhole.gateway.Caller} or an {@link dev.keyhole.gateway.identity.AuthenticationException}:
 * keyhole API tokens ({@link dev.keyhole.gateway.identity.ApiTokens}, stored only as hashes, groups looked up
 * per request) or OpenID Connect JWTs ({@link dev.keyhole.gateway.identity.OidcVerifier}: parse, choose the key
 * from the issuer's JWKS, verify the signature, check the claims).
 */
package dev.keyhole.gateway.identity;
