package dev.keyhole.local.dynamodb;

import dev.keyhole.local.dynamodb.Ast.Action;
import dev.keyhole.local.dynamodb.Ast.Cond;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One validated single-item write (put, update, delete or condition check), prepared before any lock
 * is taken and applied under the table's lock.
 */
final class WriteOp {

    enum Kind { PUT, UPDATE, DELETE, CHECK }

    final Kind kind;
    final Table table;
    final TableDef def;
    final byte[] key;
    final Map<String, Av> keyMap;
    final Map<String, Av> putItem;
    final List<Action> actions;
    final Cond condition;

    WriteOp(Kind kind, Table table, TableDef def, Map<String, Av> keyMap, Map<String, Av> putItem, List<Action> actions,
            Cond condition) {
        this.kind = kind;
        this.table = table;
        this.def = def;
        this.keyMap = keyMap;
        this.putItem = putItem;
        this.actions = actions;
        this.condition = condition;
        this.key = KeyCodec.key(keyMap.get(def.hash()), def.range() == null ? null : keyMap.get(def.range()));
    }

    /** Whether the condition holds for the current item (null = no item). */
    boolean conditionHolds(Map<String, Av> old) {
        return condition == null || Eval.test(condition, old == null ? Map.of() : old);
    }

    /** The item after this write: null for a delete; the current item for a check. */
    Map<String, Av> apply(Map<String, Av> old) {
        return switch (kind) {
            case PUT -> putItem;
            case DELETE -> null;
            case CHECK -> old;
            case UPDATE -> {
                Map<String, Av> base = old != null ? old : keyMap;
                Map<String, Av> out = actions == null ? Updater.deepCopy(base) : Updater.apply(actions, base);
                Keys.item(def, out);
                yield out;
            }
        };
    }

    List<Path> updatedPaths() {
        List<Path> paths = new ArrayList<>();
        if (actions != null) for (Action a : actions) paths.add(a.path());
        return paths;
    }
}
