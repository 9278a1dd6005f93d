package dev.keyhole.local.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** boto3, a third independent client, works against the local engine unchanged (script in test resources). */
class Boto3SmokeTest {

    /** The first Python on this machine that has boto3 ({@code bin/setup-test-deps} makes sure one does). */
    private static String python() throws Exception {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import boto3").redirectErrorStream(true).start();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (java.io.IOException notThere) {
                // try the next one
            }
        }
        throw new AssertionError("no python3 with boto3; bin/setup-test-deps installs python3-boto3");
    }

    @Test
    void boto3ClientsResourcesAndStsWorkAgainstTheLocalEngine() throws Exception {
        try (TestEngine engine = TestEngine.start()) {
            Path out = Files.createTempFile("boto3", ".out");
            Process p = new ProcessBuilder(python(), Path.of("src/test/resources/boto3_smoke.py").toString(),
                    engine.server.endpoint().toString()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(text).isZero();
            assertThat(text).contains("get_item ok", "resource update ok", "scan denied ok");
        }
    }
}
