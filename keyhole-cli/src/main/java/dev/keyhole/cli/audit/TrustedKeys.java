package dev.keyhole.cli.audit;

import dev.keyhole.cli.config.KeyholeConfig;
import dev.keyhole.gateway.audit.CheckpointSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public keys a verification trusts: those given with {@code --public-key}, else this installation's own. */
final class TrustedKeys {

    private TrustedKeys() {}

    static Map<String, PublicKey> of(List<Path> files, KeyholeConfig cfg) throws IOException {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        if (files == null || files.isEmpty()) {
            PublicKey own = cfg.audit().signer().publicKey();
            keys.put(CheckpointSigner.keyId(own), own);
            return keys;
        }
        for (Path f : files) {
            try {
                PublicKey k = CheckpointSigner.readPublicKey(Files.readString(f));
                keys.put(CheckpointSigner.keyId(k), k);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IOException("`" + f + "` is not an Ed25519 public key in PEM (as `keyhole audit public-key` prints)", e);
            }
        }
        return keys;
    }
}
