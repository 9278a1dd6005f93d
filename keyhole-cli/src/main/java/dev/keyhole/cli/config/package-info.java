/** {@code keyhole.yaml}: where runbooks live, how keyhole reaches AWS (or the local engine), and local users. */
package dev.keyhole.cli.config;
