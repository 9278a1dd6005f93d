package dev.keyhole.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.nimbusds.jose.JWSAlgorithm;
import dev.keyhole.cli.config.OidcSettings;
import dev.keyhole.gateway.identity.OidcVerifier;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** keyhole.yaml's `oidc:` section: read whole, defaults filled in, every mistake named at once. */
class OidcSettingsTest {

    private static JsonNode yaml(String text) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(text).path("oidc");
    }

    @Test
    void aFullSectionIsReadAsWritten() throws Exception {
        OidcVerifier.Settings s = OidcSettings.read(yaml("""
                oidc:
                  issuer: https://login.example.com
                  audience: keyhole-prod
                  jwksUri: https://login.example.com/keys
                  usernameClaim: email
                  groupsClaim: roles
                  algorithms: [ES384, PS256]
                """)).orElseThrow();
        assertThat(s.issuer()).isEqualTo("https://login.example.com");
        assertThat(s.audience()).isEqualTo("keyhole-prod");
        assertThat(s.jwksUri()).isEqualTo(URI.create("https://login.example.com/keys"));
        assertThat(s.usernameClaim()).isEqualTo("email");
        assertThat(s.groupsClaim()).isEqualTo("roles");
        assertThat(s.algorithms()).containsExactlyInAnyOrder(JWSAlgorithm.ES384, JWSAlgorithm.PS256);
    }

    @Test
    void whatIsLeftOutTakesTheDefaults() throws Exception {
        OidcVerifier.Settings s = OidcSettings.read(yaml("""
                oidc: {issuer: https://i.example.com, audience: keyhole, jwksUri: https://i.example.com/keys}
                """)).orElseThrow();
        assertThat(s.usernameClaim()).isEqualTo("preferred_username");
        assertThat(s.groupsClaim()).isEqualTo("groups");
        assertThat(s.algorithms()).containsExactlyInAnyOrder(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
        assertThat(s.skew()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void withoutASectionThereIsNoOpenIdConnect() throws Exception {
        assertThat(OidcSettings.read(yaml("users: {}\n"))).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> OidcSettings.read(yaml("""
                oidc:
                  audiance: keyhole
                  jwksUri: http://login.example.com/keys
                  algorithms: [RS256, HS256, none]
                """))).isInstanceOf(IOException.class).satisfies(e -> assertThat(e.getMessage().lines()).containsExactly(
                "`oidc.audiance` is not a setting; use one of algorithms, audience, groupsClaim, issuer, jwksUri, usernameClaim",
                "`oidc`: issuer is required: the `iss` your identity provider puts in its tokens, e.g. https://login.example.com",
                "`oidc`: audience is required: the `aud` tokens meant for keyhole carry, e.g. keyhole",
                "`oidc`: jwksUri `http://login.example.com/keys` must use https: keys fetched in the clear could be swapped "
                        + "in transit (plain http is allowed only for 127.0.0.1, ::1 and localhost)",
                "`oidc`: algorithms must not include `HS256`, a shared-secret algorithm: anyone holding the secret could "
                        + "mint tokens; use the issuer's public-key algorithms (ES256, ES384, ES512, PS256, PS384, PS512, "
                        + "RS256, RS384, RS512)",
                "`oidc`: algorithms must not include `none`: unsigned tokens would be accepted"));
    }

    @Test
    void valuesOfTheWrongShapeAreNamed() {
        assertThatThrownBy(() -> OidcSettings.read(yaml("oidc: yes\n"))).hasMessageContaining("`oidc` must be a mapping");
        assertThatThrownBy(() -> OidcSettings.read(yaml("""
                oidc: {issuer: [a], audience: keyhole, jwksUri: "https://i/ keys", algorithms: RS256}
                """))).hasMessageContaining("`oidc.issuer` must be a string")
                .hasMessageContaining("`oidc.jwksUri` `https://i/ keys` is not a URL")
                .hasMessageContaining("`oidc.algorithms` must be a list");
    }
}
