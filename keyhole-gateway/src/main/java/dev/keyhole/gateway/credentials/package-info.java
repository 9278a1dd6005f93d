/** Short-lived, narrowed credentials: STS AssumeRole with the execution's session policy, reused only for the same binding. */
package dev.keyhole.gateway.credentials;
