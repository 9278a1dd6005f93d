/** Local identities: the IAM file (users, roles, policies), access keys, STS sessions, and who a signed request comes from. */
package dev.keyhole.local.security;
