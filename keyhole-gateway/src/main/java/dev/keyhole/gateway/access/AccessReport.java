package dev.keyhole.gateway.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.gateway.Caller;
import dev.keyhole.gateway.execute.Refusal;
import dev.keyhole.runbook.model.Runbook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Who can run what, now, and why: every (principal, runbook) pair decided by the same {@link Authorizer}
 * a run uses, so the report can never disagree with a decision.
 */
public final class AccessReport {

    /**
     * One decision.
     *
     * @param principal who
     * @param runbook what
     * @param allowed whether they may run it now
     * @param reason the chain of reasons (binding via group X; approval G by Y; exception E until T ...), or the refusal
     * @param refusal the kind of refusal ({@code approval-required}, {@code not-allowed}...), or {@code null} when allowed
     * @param until when the right ends, or {@code null} when it lasts as long as the binding
     */
    public record Cell(String principal, String runbook, boolean allowed, String reason, String refusal, Instant until) {}

    private final Authorizer authorizer;

    public AccessReport(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    /** Decides {@code caller} against {@code rb}. */
    public Cell decide(Caller caller, Runbook rb) {
        try {
            Authorization a = authorizer.authorize(caller, rb);
            return new Cell(caller.name(), rb.name(), true, a.reason(), null, a.until());
        } catch (Refusal r) {
            return new Cell(caller.name(), rb.name(), false, r.getMessage(), r.kind().word(), null);
        }
    }

    /** Every pair of {@code callers} and {@code runbooks}, runbook by runbook. */
    public List<Cell> matrix(List<Caller> callers, List<Runbook> runbooks) {
        List<Cell> out = new ArrayList<>(callers.size() * runbooks.size());
        for (Runbook rb : runbooks) {
            for (Caller c : callers) {
                out.add(decide(c, rb));
            }
        }
        return out;
    }

    /** The matrix as JSON, for the web UI: {@code {"generated", "cells": [{principal, runbook, allowed, reason, refusal, until}]}}. */
    public static ObjectNode json(List<Cell> cells, Instant generated) {
        ObjectNode root = new ObjectMapper().createObjectNode().put("generated", generated.toString());
        ArrayNode arr = root.putArray("cells");
        for (Cell c : cells) {
            ObjectNode n = arr.addObject().put("principal", c.principal()).put("runbook", c.runbook())
                    .put("allowed", c.allowed()).put("reason", c.reason());
            if (c.refusal() != null) {
                n.put("refusal", c.refusal());
            }
            if (c.until() != null) {
                n.put("until", c.until().toString());
            }
        }
        return root;
    }
}
