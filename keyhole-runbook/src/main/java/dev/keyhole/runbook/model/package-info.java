/** Runbooks as data: target, typed parameters, queries, limits, masking and access rules. */
package dev.keyhole.runbook.model;
