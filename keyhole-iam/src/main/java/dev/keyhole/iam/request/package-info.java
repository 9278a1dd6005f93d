/** What is asked: the principal, the action, the resource and the request context of one request. */
package dev.keyhole.iam.request;
