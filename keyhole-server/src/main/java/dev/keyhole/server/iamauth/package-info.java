/**
 * AWS IAM sign-in for machines: a bearer token {@code khiam.…} carrying a signed, unsent STS
 * {@code GetCallerIdentity} request is checked ({@link dev.keyhole.server.iamauth.SignInRequest}: trusted STS
 * host, that one action, keyhole's signed server id, fresh; {@link dev.keyhole.server.iamauth.ReplayGuard}: once),
 * sent to STS ({@link dev.keyhole.server.iamauth.StsIdentity}), and the ARN STS answers with becomes the caller
 * ({@link dev.keyhole.server.iamauth.PrincipalArns}). {@link dev.keyhole.server.iamauth.IamAuthenticator} ties
 * the stages together and hands every other token to the next authenticator.
 */
package dev.keyhole.server.iamauth;
