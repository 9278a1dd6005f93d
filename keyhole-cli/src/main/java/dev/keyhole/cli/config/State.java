package dev.keyhole.cli.config;

import dev.keyhole.gateway.audit.AuditLog;
import dev.keyhole.gateway.audit.AuditStore;
import dev.keyhole.gateway.audit.CheckpointPolicy;
import dev.keyhole.gateway.grants.Grants;
import dev.keyhole.gateway.store.Database;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;

/** keyhole's state for one command: the database, the audit log on it, and grants. Close it when done. */
public final class State implements AutoCloseable {

    private final Database db;
    private final AuditLog audit;
    private final Grants grants;

    private State(Database db, AuditLog audit, Grants grants) {
        this.db = db;
        this.audit = audit;
        this.grants = grants;
    }

    /** Opens the database {@code cfg} names (migrating it), its audit log and grants; webhook problems go to {@code err}. */
    public static State open(KeyholeConfig cfg, Clock clock, PrintWriter err) throws IOException {
        AuditSettings a = cfg.audit();
        Database db = a.openDatabase();
        AuditLog audit = new AuditLog(new AuditStore(db), new CheckpointPolicy(a.signer(), a.checkpointEvery(),
                a.checkpointInterval()), clock);
        Grants grants = new Grants(db, GrantSettings.rules(cfg.raw()), audit, GrantSettings.notifier(cfg.raw(), err), clock);
        return new State(db, audit, grants);
    }

    public Database database() {
        return db;
    }

    public AuditLog audit() {
        return audit;
    }

    public Grants grants() {
        return grants;
    }

    @Override
    public void close() {
        audit.close();
        db.close();
    }
}
