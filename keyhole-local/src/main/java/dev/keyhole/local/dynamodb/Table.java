package dev.keyhole.local.dynamodb;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;

/**
 * A live table: its definition, its item map (key = encoded table keys, value = binary item), its
 * indexes and counters. Writers hold {@link #lock}; readers read MVMap snapshots without locking.
 */
final class Table {

    volatile TableDef def;
    final MVMap<byte[], byte[]> data;
    final Map<String, IndexData> indexes = new ConcurrentHashMap<>();
    final ReentrantLock lock = new ReentrantLock();
    final AtomicLong items = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();

    Table(TableDef def, MVMap<byte[], byte[]> data) {
        this.def = def;
        this.data = data;
    }

    byte[] keyOf(Map<String, Av> item) {
        TableDef d = def;
        return KeyCodec.key(item.get(d.hash()), d.range() == null ? null : item.get(d.range()));
    }

    Map<String, Av> get(byte[] key) {
        byte[] v = data.get(key);
        return v == null ? null : ItemCodec.decode(v);
    }

    /**
     * Replaces the item at {@code key} (null {@code item} deletes it) and maintains every index.
     * INVARIANT: the caller holds {@link #lock} and {@code old} is the current item at {@code key}.
     */
    void write(byte[] key, Map<String, Av> old, Map<String, Av> item) {
        TableDef d = def;
        if (item == null) {
            if (old == null) return;
            data.remove(key);
            items.decrementAndGet();
            bytes.addAndGet(-Av.itemSize(old));
        } else {
            data.put(key, ItemCodec.encode(item));
            if (old == null) items.incrementAndGet();
            bytes.addAndGet(Av.itemSize(item) - (old == null ? 0 : Av.itemSize(old)));
        }
        for (IndexData idx : indexes.values()) {
            byte[] oldKey = idx.keyOf(old, d);
            byte[] newKey = idx.keyOf(item, d);
            if (oldKey != null && (newKey == null || !Arrays.equals(oldKey, newKey))) {
                idx.map.remove(oldKey);
                idx.items.decrementAndGet();
                idx.bytes.addAndGet(-Av.itemSize(idx.def.project(old, d)));
            }
            if (newKey != null) {
                Map<String, Av> projected = idx.def.project(item, d);
                boolean existed = oldKey != null && Arrays.equals(oldKey, newKey);
                idx.map.put(newKey, ItemCodec.encode(projected));
                if (!existed) idx.items.incrementAndGet();
                idx.bytes.addAndGet(Av.itemSize(projected) - (existed ? Av.itemSize(idx.def.project(old, d)) : 0));
            }
        }
    }
}
