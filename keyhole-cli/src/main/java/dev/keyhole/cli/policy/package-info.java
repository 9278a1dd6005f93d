/** {@code keyhole policy ...}: commands over IAM policy documents. */
package dev.keyhole.cli.policy;
