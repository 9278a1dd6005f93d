package dev.keyhole.cli.config;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} flag commands share (a picocli mixin). */
public final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "keyhole.yaml",
            description = "Configuration file (default: ${DEFAULT-VALUE}; built-in defaults when absent).")
    public Path config;

    public KeyholeConfig load() throws IOException {
        return KeyholeConfig.load(config);
    }
}
