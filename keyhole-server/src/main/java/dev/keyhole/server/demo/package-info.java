/** The demo: tables and items for the local engine, the identities the shipped IAM file defines, an admin client. */
package dev.keyhole.server.demo;
