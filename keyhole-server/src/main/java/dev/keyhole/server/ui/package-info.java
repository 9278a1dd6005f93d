/**
 * The web UI: server-rendered pages over the same gateway calls as the JSON API — sign-in, the runbook catalog,
 * the run form with its results table, the approvals inbox, exceptions with time left, the "who can run what"
 * matrix, audit search with the chain's status, drift findings. Templates are jte files under
 * {@code src/main/jte}, compiled into this package at build time and escaped as HTML; every form that writes
 * carries the session's CSRF token; the pages work without JavaScript.
 */
package dev.keyhole.server.ui;
