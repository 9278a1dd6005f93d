-- keyhole audit log: a hash chain of records with signed checkpoints (see dev.keyhole.gateway.audit).
CREATE TABLE audit_record (
    seq            INTEGER PRIMARY KEY,
    time_ms        INTEGER NOT NULL,
    type           TEXT    NOT NULL,
    correlation_id TEXT    NOT NULL,
    principal      TEXT,
    runbook        TEXT,
    ticket         TEXT,
    outcome        TEXT,
    payload        TEXT    NOT NULL,
    hash           TEXT    NOT NULL
);
CREATE INDEX audit_record_correlation ON audit_record (correlation_id);
CREATE INDEX audit_record_time ON audit_record (time_ms);
CREATE INDEX audit_record_ticket ON audit_record (ticket);
CREATE INDEX audit_record_principal ON audit_record (principal);
CREATE INDEX audit_record_runbook ON audit_record (runbook);

-- One row: where the chain ends and when it was last signed. Appenders lock it, so many processes
-- append one chain.
CREATE TABLE audit_head (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    seq                INTEGER NOT NULL,
    hash               TEXT    NOT NULL,
    checkpoint_seq     INTEGER NOT NULL,
    checkpoint_time_ms INTEGER NOT NULL
);
INSERT INTO audit_head VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0, 0);

CREATE TABLE audit_checkpoint (
    seq       INTEGER PRIMARY KEY,
    hash      TEXT NOT NULL,
    time      TEXT NOT NULL,
    key_id    TEXT NOT NULL,
    signature TEXT NOT NULL
);
