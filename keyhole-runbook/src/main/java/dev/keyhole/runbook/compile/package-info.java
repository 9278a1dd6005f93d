/** Runbooks to IAM: the per-execution session policy, the execution role's policy and its trust policy, as IAM JSON, Terraform and CloudFormation. */
package dev.keyhole.runbook.compile;
