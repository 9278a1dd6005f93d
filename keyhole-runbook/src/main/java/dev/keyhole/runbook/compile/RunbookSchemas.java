package dev.keyhole.runbook.compile;

import dev.keyhole.dynamo.iam.KeySchemaLookup;
import dev.keyhole.dynamo.iam.TableKeys;
import dev.keyhole.runbook.model.Runbook;
import dev.keyhole.runbook.model.Target;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The key schema a runbook declares, in the shape IAM derivation needs. */
public final class RunbookSchemas {

    private RunbookSchemas() {}

    /** A lookup that knows the runbook's own table when its keys are declared. */
    public static KeySchemaLookup declared(Runbook rb) {
        Target t = rb.target();
        if (t.keys() == null) {
            return name -> Optional.empty();
        }
        TableKeys keys = toTableKeys(t.keys());
        return name -> name.equals(t.table()) ? Optional.of(keys) : Optional.empty();
    }

    static TableKeys toTableKeys(Target.KeySchema ks) {
        Map<String, TableKeys> indexes = new LinkedHashMap<>();
        ks.indexes().forEach((n, k) -> indexes.put(n, toTableKeys(k)));
        return new TableKeys(ks.partition(), ks.sort(), indexes);
    }

    /** Every key attribute of the table and of the index used, which IAM needs in {@code dynamodb:Attributes}. */
    static Set<String> keyAttributes(TableKeys table, String index) {
        Set<String> out = new LinkedHashSet<>();
        out.add(table.partitionKey());
        if (table.sortKey() != null) {
            out.add(table.sortKey());
        }
        TableKeys idx = index == null ? null : table.indexes().get(index);
        if (idx != null) {
            out.add(idx.partitionKey());
            if (idx.sortKey() != null) {
                out.add(idx.sortKey());
            }
        }
        return out;
    }
}
