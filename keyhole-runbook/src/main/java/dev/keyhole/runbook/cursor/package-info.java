/** Pagination cursors sealed with authenticated encryption and bound to runbook, query, parameters, principal and expiry. */
package dev.keyhole.runbook.cursor;
