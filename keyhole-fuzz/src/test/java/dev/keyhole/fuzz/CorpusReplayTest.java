package dev.keyhole.fuzz;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.keyhole.fuzz.targets.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every input the fuzzer once broke keyhole with (src/test/resources/corpus/TARGET/*), and every seed, replayed
 * against the fixed code: each must now pass all of its target's oracles.
 */
class CorpusReplayTest {

    private static final Path CORPUS = Path.of("src/test/resources/corpus");
    private static final Map<String, Target> STARTED = new HashMap<>();

    static Stream<Arguments> inputs() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String target : Targets.names()) {
            Path dir = CORPUS.resolve(target);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.sorted().forEach(f -> out.add(Arguments.of(target, f.getFileName().toString(), read(f))));
                }
            }
        }
        return out.stream();
    }

    static Stream<Arguments> seeds() {
        List<Arguments> out = new ArrayList<>();
        for (String target : Targets.names()) {
            List<byte[]> seeds = STARTED.computeIfAbsent(target, Targets::start).seeds();
            for (int i = 0; i < seeds.size(); i++) {
                out.add(Arguments.of(target, "seed " + i, seeds.get(i)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("inputs")
    void aFormerFindingPassesEveryOracle(String target, String file, byte[] input) {
        assertThatCode(() -> replay(target, input)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("seeds")
    void everySeedPassesEveryOracle(String target, String seed, byte[] input) {
        assertThatCode(() -> replay(target, input)).doesNotThrowAnyException();
    }

    private static void replay(String target, byte[] input) {
        new Campaign(STARTED.computeIfAbsent(target, Targets::start), Duration.ofSeconds(30), 0).replay(input);
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void close() throws Exception {
        for (Target t : STARTED.values()) {
            t.close();
        }
        STARTED.clear();
    }
}
