package dev.keyhole.gateway.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log as JSON Lines, with what an outside party needs to verify it without keyhole: a header
 * naming the hash construction and the signing public keys, one line per record (its exact stored text
 * as a string, so the bytes hashed survive), and one line per checkpoint after the record it covers.
 *
 * <pre>
 * {"format":"keyhole-audit/1","hash":"...","genesis":"000...","publicKeys":{"KEYID":"-----BEGIN PUBLIC KEY-----..."}}
 * {"seq":1,"hash":"...","payload":"{\"correlationId\":...}"}
 * {"checkpoint":{"seq":10,"hash":"...","time":"...","keyId":"...","signature":"...","signed":"keyhole-audit-checkpoint/1\n10\n...\n..."}}
 * </pre>
 */
public final class AuditExport {

    public static final String FORMAT = "keyhole-audit/1";
    static final String HASH_RULE = "hash(n) = SHA-256(hash(n-1) bytes || seq(n) as 8-byte big-endian || UTF-8 payload(n)); "
            + "hash(0) = 32 zero bytes; checkpoints are Ed25519 signatures of `signed`";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditExport() {}

    /** Writes every record and checkpoint of {@code store} to {@code out}. */
    public static void write(AuditStore store, Map<String, String> publicKeysPem, Writer out) throws SQLException, IOException {
        ObjectNode header = JSON.createObjectNode().put("format", FORMAT).put("hash", HASH_RULE)
                .put("genesis", ChainHash.GENESIS);
        ObjectNode keys = header.putObject("publicKeys");
        publicKeysPem.forEach(keys::put);
        out.write(header.toString());
        out.write('\n');
        Iterator<Checkpoint> cps = store.checkpoints().iterator();
        Checkpoint[] next = {cps.hasNext() ? cps.next() : null};
        try {
            store.forEach(1, r -> {
                try {
                    out.write(JSON.createObjectNode().put("seq", r.seq()).put("hash", r.hash()).put("payload", r.payload())
                            .toString());
                    out.write('\n');
                    while (next[0] != null && next[0].seq() <= r.seq()) {
                        out.write(checkpointLine(next[0]));
                        out.write('\n');
                        next[0] = cps.hasNext() ? cps.next() : null;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // Checkpoints past the last record (a truncated log) are exported too, so the reader sees it.
            while (next[0] != null) {
                out.write(checkpointLine(next[0]));
                out.write('\n');
                next[0] = cps.hasNext() ? cps.next() : null;
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private static String checkpointLine(Checkpoint c) {
        ObjectNode n = JSON.createObjectNode();
        n.putObject("checkpoint").put("seq", c.seq()).put("hash", c.hash()).put("time", c.time().toString())
                .put("keyId", c.keyId()).put("signature", c.signature())
                .put("signed", new String(c.message(), java.nio.charset.StandardCharsets.UTF_8));
        return n.toString();
    }

    /** An export read back: its records, checkpoints and the public keys its header carries. */
    public record Contents(List<StoredRecord> records, List<Checkpoint> checkpoints, Map<String, PublicKey> headerKeys) {}

    /** Reads an export; throws {@link IllegalArgumentException} naming the line when it is not one. */
    public static Contents read(BufferedReader in) throws IOException {
        List<StoredRecord> records = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode j;
            try {
                j = JSON.readTree(line);
            } catch (IOException e) {
                throw new IllegalArgumentException("line " + n + ": not JSON", e);
            }
            if (n == 1) {
                if (!FORMAT.equals(j.path("format").asText())) {
                    throw new IllegalArgumentException("line 1: not a keyhole audit export (format `"
                            + j.path("format").asText() + "`, expected `" + FORMAT + "`)");
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = j.path("publicKeys").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> k = it.next();
                    try {
                        keys.put(k.getKey(), CheckpointSigner.readPublicKey(k.getValue().asText()));
                    } catch (GeneralSecurityException | IllegalArgumentException e) {
                        throw new IllegalArgumentException("line 1: public key `" + k.getKey() + "` is not an Ed25519 PEM key", e);
                    }
                }
            } else if (j.has("checkpoint")) {
                JsonNode c = j.get("checkpoint");
                checkpoints.add(new Checkpoint(c.path("seq").asLong(), c.path("hash").asText(),
                        Instant.parse(c.path("time").asText()), c.path("keyId").asText(), c.path("signature").asText()));
            } else if (j.has("seq") && j.has("payload") && j.has("hash")) {
                records.add(new StoredRecord(j.get("seq").asLong(), j.get("payload").asText(), j.get("hash").asText()));
            } else {
                throw new IllegalArgumentException("line " + n + ": neither a record nor a checkpoint");
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("the export is empty: expected a `" + FORMAT + "` header line");
        }
        return new Contents(records, checkpoints, keys);
    }

    /** Verifies an export read back, trusting {@code trusted} keys. */
    public static VerifyReport verify(Contents c, Map<String, PublicKey> trusted) {
        AuditVerifier v = new AuditVerifier(c.checkpoints(), trusted);
        c.records().forEach(v);
        return v.finish();
    }
}
