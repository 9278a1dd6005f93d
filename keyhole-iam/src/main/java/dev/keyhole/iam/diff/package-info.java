/**
 * Two sets of policies to an answer: does the new one allow any request the old one does not? The
 * search runs the real evaluator over the finite set of values that can make a difference — the
 * actions, resources and condition values the policies mention, one fresh value each, and absence —
 * and gives a concrete witness request when there is one.
 */
package dev.keyhole.iam.diff;
