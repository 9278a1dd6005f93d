-- Approvals and time-boxed exceptions (dev.keyhole.gateway.grants).
CREATE TABLE grant_request (
    id              TEXT    PRIMARY KEY,
    kind            TEXT    NOT NULL,   -- approval | exception
    requester       TEXT    NOT NULL,
    runbook         TEXT    NOT NULL,
    ticket          TEXT,
    reason          TEXT    NOT NULL,
    requested_ms    INTEGER NOT NULL,
    duration_s      INTEGER NOT NULL,   -- how long it lasts once active
    required        INTEGER NOT NULL,   -- distinct approvals needed
    approver_groups TEXT    NOT NULL,   -- comma-separated
    state           TEXT    NOT NULL,   -- pending | active | denied | revoked | expired
    self_service    INTEGER NOT NULL,
    active_ms       INTEGER,
    expires_ms      INTEGER,
    ended_ms        INTEGER,
    ended_by        TEXT,
    end_reason      TEXT
);
CREATE INDEX grant_request_who ON grant_request (requester, runbook);
CREATE INDEX grant_request_state ON grant_request (state);

CREATE TABLE grant_approval (
    grant_id TEXT    NOT NULL REFERENCES grant_request (id),
    approver TEXT    NOT NULL,
    time_ms  INTEGER NOT NULL,
    PRIMARY KEY (grant_id, approver)
);
