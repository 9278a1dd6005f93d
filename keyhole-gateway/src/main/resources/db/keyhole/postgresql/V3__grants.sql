-- Approvals and time-boxed exceptions (dev.keyhole.gateway.grants).
CREATE TABLE grant_request (
    id              TEXT    PRIMARY KEY,
    kind            TEXT    NOT NULL,   -- approval | exception
    requester       TEXT    NOT NULL,
    runbook         TEXT    NOT NULL,
    ticket          TEXT,
    reason          TEXT    NOT NULL,
    requested_ms    BIGINT  NOT NULL,
    duration_s      BIGINT  NOT NULL,   -- how long it lasts once active
    required        BIGINT  NOT NULL,   -- distinct approvals needed
    approver_groups TEXT    NOT NULL,   -- comma-separated
    state           TEXT    NOT NULL,   -- pending | active | denied | revoked | expired
    self_service    BIGINT  NOT NULL,
    active_ms       BIGINT,
    expires_ms      BIGINT,
    ended_ms        BIGINT,
    ended_by        TEXT,
    end_reason      TEXT
);
CREATE INDEX grant_request_who ON grant_request (requester, runbook);
CREATE INDEX grant_request_state ON grant_request (state);

CREATE TABLE grant_approval (
    grant_id TEXT    NOT NULL REFERENCES grant_request (id),
    approver TEXT    NOT NULL,
    time_ms  BIGINT  NOT NULL,
    PRIMARY KEY (grant_id, approver)
);
