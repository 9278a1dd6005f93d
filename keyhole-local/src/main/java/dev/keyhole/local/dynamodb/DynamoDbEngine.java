package dev.keyhole.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyhole.dynamo.iam.KeySchemaLookup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The local DynamoDB engine: tables, items, queries and scans with DynamoDB's validation, response
 * shapes and error messages, stored in an H2 MVStore (on disk with a data directory, else in memory).
 *
 * <p>Every acknowledged write is committed to the store file before {@link #handle} returns. Writes
 * to one table are serialized by that table's lock; reads run concurrently on MVMap snapshots.
 */
public final class DynamoDbEngine implements DynamoDbService {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String FILE = "keyhole-dynamodb.mv.db";

    final MVStore store;
    final String region;
    final String account;
    final Clock clock;
    final Map<String, Table> tables = new ConcurrentHashMap<>();
    final MVMap<byte[], byte[]> meta;
    private final boolean durable;
    /** Mutations hold the read side; a commit holds the write side, so no commit sees half a transaction. */
    private final ReentrantReadWriteLock commitLock = new ReentrantReadWriteLock();
    final Object ddl = new Object();

    private final TableOperations tableOps = new TableOperations(this);
    private final ItemOperations itemOps = new ItemOperations(this);
    private final ReadOperations readOps = new ReadOperations(this);
    private final MultiItemOperations multiOps = new MultiItemOperations(this, itemOps);

    private DynamoDbEngine(MVStore store, boolean durable, String region, String account, Clock clock) {
        this.store = store;
        this.durable = durable;
        this.region = region;
        this.account = account;
        this.clock = clock;
        this.meta = map("meta");
        for (Map.Entry<byte[], byte[]> e : meta.entrySet()) {
            try {
                TableDef def = TableDef.fromJson(JSON.readTree(e.getValue()));
                tables.put(def.name(), load(def));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /**
     * Opens the engine.
     *
     * @param dataDir where the store file lives (created if missing); null keeps everything in memory
     * @param region the region in ARNs
     * @param accountId the account in ARNs
     * @param clock stamps CreationDateTime
     */
    public static DynamoDbEngine open(Path dataDir, String region, String accountId, Clock clock) {
        MVStore.Builder builder = new MVStore.Builder().autoCommitDisabled();
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builder.fileName(dataDir.resolve(FILE).toString());
        }
        return new DynamoDbEngine(builder.open(), dataDir != null, region, accountId, clock);
    }

    @Override
    public JsonNode handle(String operation, JsonNode request) {
        JsonNode req = request == null ? JSON.createObjectNode() : request;
        return switch (operation) {
            case "CreateTable" -> tableOps.create(req);
            case "DescribeTable" -> tableOps.describe(req);
            case "ListTables" -> tableOps.list(req);
            case "DeleteTable" -> tableOps.delete(req);
            case "UpdateTable" -> tableOps.update(req);
            case "PutItem" -> itemOps.put(req);
            case "GetItem" -> itemOps.get(req);
            case "DeleteItem" -> itemOps.delete(req);
            case "UpdateItem" -> itemOps.update(req);
            case "Query" -> readOps.query(req);
            case "Scan" -> readOps.scan(req);
            case "BatchGetItem" -> multiOps.batchGet(req);
            case "BatchWriteItem" -> multiOps.batchWrite(req);
            case "TransactWriteItems" -> multiOps.transactWrite(req);
            case "TransactGetItems" -> multiOps.transactGet(req);
            default -> throw new DynamoDbException(DynamoDbException.CORAL + "UnknownOperationException",
                    "this engine serves no operation `" + operation + "`; X-Amz-Target must name a DynamoDB operation "
                            + "such as DynamoDB_20120810.Query", 400);
        };
    }

    @Override
    public KeySchemaLookup schemas() {
        return name -> Optional.ofNullable(tables.get(name)).map(t -> t.def.keys());
    }

    @Override
    public void close() {
        commitLock.writeLock().lock();
        try {
            if (!store.isClosed()) store.close();
        } finally {
            commitLock.writeLock().unlock();
        }
    }

    // ---- storage ------------------------------------------------------------------------------------

    MVMap<byte[], byte[]> map(String name) {
        return store.openMap(name, new MVMap.Builder<byte[], byte[]>()
                .keyType(ByteArrayKeyType.INSTANCE).valueType(ByteArrayKeyType.INSTANCE));
    }

    static String dataMapName(TableDef def) {
        return "t." + def.tableId();
    }

    static String indexMapName(TableDef def, String index) {
        return "i." + def.tableId() + "." + index;
    }

    /** Opens a table's maps and counts its items. */
    private Table load(TableDef def) {
        Table t = new Table(def, map(dataMapName(def)));
        for (IndexDef i : def.indexes()) t.indexes.put(i.name(), new IndexData(i, map(indexMapName(def, i.name()))));
        for (byte[] v : t.data.values()) {
            t.items.incrementAndGet();
            t.bytes.addAndGet(Av.itemSize(ItemCodec.decode(v)));
        }
        for (IndexData idx : t.indexes.values()) {
            for (byte[] v : idx.map.values()) {
                idx.items.incrementAndGet();
                idx.bytes.addAndGet(Av.itemSize(ItemCodec.decode(v)));
            }
        }
        return t;
    }

    void saveDef(TableDef def) {
        meta.put(def.name().getBytes(StandardCharsets.UTF_8), def.toJson().toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Looks a table up for an item operation. */
    Table table(String name) {
        Table t = tables.get(name);
        if (t == null) throw DynamoDbException.resourceNotFound("Requested resource not found");
        return t;
    }

    /**
     * Runs a mutation and makes it durable before returning. Concurrent writers share commits: a
     * commit writes every change made so far.
     */
    <T> T write(Supplier<T> mutation) {
        T result;
        commitLock.readLock().lock();
        try {
            result = mutation.get();
        } finally {
            commitLock.readLock().unlock();
        }
        if (durable) {
            commitLock.writeLock().lock();
            try {
                if (store.hasUnsavedChanges()) store.commit();
            } finally {
                commitLock.writeLock().unlock();
            }
        }
        return result;
    }
}
