/** Results for people: masked attributes and plain JSON values. */
package dev.keyhole.gateway.shape;
