/** A runbook query plus bound values to the exact DynamoDB request to send: expression text fixed, values only as placeholders. */
package dev.keyhole.runbook.plan;
