/** The gateway: who asks, whether they may, and the execution of one runbook query with minted credentials. */
package dev.keyhole.gateway;
