package dev.keyhole.local.dynamodb;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;

/**
 * One secondary index's stored entries: key = index keys then table keys (so entries are unique),
 * value = the projected item.
 */
final class IndexData {

    final IndexDef def;
    final MVMap<byte[], byte[]> map;
    final AtomicLong items = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();

    IndexData(IndexDef def, MVMap<byte[], byte[]> map) {
        this.def = def;
        this.map = map;
    }

    /** The entry key for {@code item}, or null when the item lacks an index key (sparse index). */
    byte[] keyOf(Map<String, Av> item, TableDef table) {
        if (item == null) return null;
        Av h = item.get(def.hash());
        if (h == null || !Av.isScalarKeyType(h)) return null;
        Av r = null;
        if (def.range() != null) {
            r = item.get(def.range());
            if (r == null || !Av.isScalarKeyType(r)) return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(48);
        KeyCodec.encode(h, out);
        if (r != null) KeyCodec.encode(r, out);
        KeyCodec.encode(item.get(table.hash()), out);
        if (table.range() != null) KeyCodec.encode(item.get(table.range()), out);
        return out.toByteArray();
    }
}
