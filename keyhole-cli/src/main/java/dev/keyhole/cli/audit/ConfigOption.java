package dev.keyhole.cli.audit;

import dev.keyhole.cli.config.KeyholeConfig;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} flag the audit commands share. */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "keyhole.yaml",
            description = "Configuration file (default: ${DEFAULT-VALUE}; built-in defaults when absent).")
    Path config;

    KeyholeConfig load() throws IOException {
        return KeyholeConfig.load(config);
    }
}
