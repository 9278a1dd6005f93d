package dev.keyhole.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyhole.local.http.LocalServerConfig;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** What {@link LocalServerConfig} starts from, and what it refuses with a message that says the fix. */
class LocalServerConfigTest {

    @Test
    void theDefaultsListenOnLoopbackOnAnyPortInUsEast1InMemoryWithIamEnforced() {
        LocalServerConfig c = LocalServerConfig.defaults();
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isZero();
        assertThat(c.region()).isEqualTo("us-east-1");
        assertThat(c.account()).isEqualTo("000000000000");
        assertThat(c.enforceIam()).isTrue();
        assertThat(c.dataDir()).isNull();
        assertThat(c.iamFile()).isNull();
    }

    @Test
    void eachWitherChangesOnlyItsOwnSetting() {
        Clock clock = Clock.systemDefaultZone();
        LocalServerConfig c = LocalServerConfig.defaults().withHost("0.0.0.0").withPort(8000)
                .withDataDir(Path.of("data")).withIamFile(Path.of("iam.yaml")).withEnforceIam(false)
                .withRegion("eu-west-1").withAccount("123456789012").withClock(clock);
        assertThat(c).isEqualTo(new LocalServerConfig("0.0.0.0", 8000, Path.of("data"), Path.of("iam.yaml"), false,
                "eu-west-1", "123456789012", clock));
    }

    @Test
    void anAccountIdMustBeTwelveDigits() {
        assertThatThrownBy(() -> LocalServerConfig.defaults().withAccount("123"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("account id `123` must be 12 digits, e.g. 000000000000");
    }

    @Test
    void aPortMustBeZeroTo65535() {
        assertThatThrownBy(() -> LocalServerConfig.defaults().withPort(70000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("port `70000` is out of range; use 0 to 65535 (0 picks a free port)");
        assertThatThrownBy(() -> LocalServerConfig.defaults().withPort(-1))
                .hasMessage("port `-1` is out of range; use 0 to 65535 (0 picks a free port)");
        assertThat(LocalServerConfig.defaults().withPort(65535).port()).isEqualTo(65535);
    }

    @Test
    void hostRegionAccountAndClockAreRequired() {
        LocalServerConfig d = LocalServerConfig.defaults();
        assertThatThrownBy(() -> d.withHost(null)).isInstanceOf(NullPointerException.class).hasMessage("host");
        assertThatThrownBy(() -> d.withRegion(null)).isInstanceOf(NullPointerException.class).hasMessage("region");
        assertThatThrownBy(() -> d.withAccount(null)).isInstanceOf(NullPointerException.class).hasMessage("account");
        assertThatThrownBy(() -> d.withClock(null)).isInstanceOf(NullPointerException.class).hasMessage("clock");
    }
}
