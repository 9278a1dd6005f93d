package dev.keyhole.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.local.dynamodb.DynamoDbEngine;
import dev.keyhole.local.http.LocalServer;
import dev.keyhole.local.http.LocalServerConfig;
import java.net.BindException;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** Where a {@link LocalServer} listens, and what it says when it cannot. */
class ListeningTest {

    @Test
    void theEndpointIsTheChosenPortOnTheHost() {
        try (RunningEngine local = RunningEngine.with(LocalServerConfig.defaults())) {
            assertThat(local.server.port()).isPositive();
            assertThat(local.server.endpoint().toString()).isEqualTo("http://127.0.0.1:" + local.server.port());
        }
    }

    @Test
    void aPortInUseIsReportedWithTheAddressAndAHint() {
        try (RunningEngine first = RunningEngine.with(LocalServerConfig.defaults());
             DynamoDbEngine engine = DynamoDbEngine.open(null, "us-east-1", "000000000000", Clock.systemUTC())) {
            int taken = first.server.port();
            assertThatThrownBy(() -> LocalServer.start(LocalServerConfig.defaults().withPort(taken), engine))
                    .isInstanceOf(BindException.class)
                    .hasMessageStartingWith("cannot listen on `127.0.0.1:" + taken + "` (")
                    .hasMessageEndingWith("); is another process using the port? choose another, or 0 to pick a free one");
        }
    }
}
