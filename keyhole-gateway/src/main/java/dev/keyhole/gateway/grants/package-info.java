/**
 * Approvals and time-boxed exceptions: requests in, decisions out. A request is pending until enough
 * distinct approvers (never the requester) approve; then it is active until it expires or is revoked.
 * Every change is written to the audit log and announced to webhooks.
 */
package dev.keyhole.gateway.grants;
