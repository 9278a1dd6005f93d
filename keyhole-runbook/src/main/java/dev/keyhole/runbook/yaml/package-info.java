/** YAML text to a tree whose every node knows its file, line and column, so errors can point at the source. */
package dev.keyhole.runbook.yaml;
