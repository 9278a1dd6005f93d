/**
 * Runs keyhole runbooks from a service: {@link dev.keyhole.client.KeyholeClient} signs in with the service's own
 * AWS IAM identity ({@link dev.keyhole.client.IamSignIn}), posts runs to {@code keyhole serve} and hands back
 * {@link dev.keyhole.client.Page}s; failures are {@link dev.keyhole.client.KeyholeException}s.
 */
package dev.keyhole.client;
