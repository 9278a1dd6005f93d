package dev.keyhole.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An export carries what an outside party needs: records as stored, checkpoints, the public key. */
class AuditExportTest {

    private static String export(Path dir, CheckpointSigner signer, int records) throws Exception {
        Path db = dir.resolve("audit.db");
        AuditFixtures.write(StoreAddress.sqlite(db), signer, records);
        StringWriter out = new StringWriter();
        try (AuditStore store = AuditStore.sqlite(db)) {
            AuditExport.write(store, Map.of(signer.keyId(), signer.publicKeyPem()), out);
        }
        return out.toString();
    }

    private static AuditExport.Contents read(String text) throws Exception {
        return AuditExport.read(new BufferedReader(new StringReader(text)));
    }

    @Test
    void anExportVerifiesWithTheKeyItsHeaderCarries(@TempDir Path dir) throws Exception {
        CheckpointSigner signer = CheckpointSigner.generate();
        AuditExport.Contents c = read(export(dir, signer, 25));
        assertThat(c.records()).hasSize(25);
        assertThat(c.checkpoints()).extracting(Checkpoint::seq).hasSizeGreaterThanOrEqualTo(3).endsWith(25L);
        assertThat(c.headerKeys()).containsOnlyKeys(signer.keyId());
        VerifyReport r = AuditExport.verify(c, c.headerKeys());
        assertThat(r.ok()).as(r.problem()).isTrue();
        assertThat(r.lastSigned()).isEqualTo(25);
    }

    @Test
    void anEditedExportNamesTheEditedRecord(@TempDir Path dir) throws Exception {
        CheckpointSigner signer = CheckpointSigner.generate();
        String[] lines = export(dir, signer, 12).split("\n");
        int line = 0;
        while (!lines[line].startsWith("{\"seq\":7,")) {
            line++;
        }
        lines[line] = lines[line].replace("run-7", "run-x");
        VerifyReport r = AuditExport.verify(read(String.join("\n", lines)), AuditFixtures.trusting(signer));
        assertThat(r.ok()).isFalse();
        assertThat(r.firstBad()).isEqualTo(7);
    }

    @Test
    void somethingElseIsNotTakenForAnExport() {
        assertThatThrownBy(() -> read("{\"hello\":1}\n")).hasMessageContaining("not a keyhole audit export");
        assertThatThrownBy(() -> read("")).hasMessageContaining("empty");
    }
}
