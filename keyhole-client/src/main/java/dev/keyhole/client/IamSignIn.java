package dev.keyhole.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * Makes keyhole's AWS IAM sign-in token: an STS {@code GetCallerIdentity} request signed with the caller's own
 * credentials but not sent. keyhole sends it to STS on the caller's behalf and learns from STS's answer who signed
 * it; the caller's secret never leaves the process. The signed {@value #SERVER_ID_HEADER} header names the keyhole
 * the token is for, so a token given to one keyhole (or captured on the way) is refused by every other.
 *
 * <p>Token: {@value #PREFIX} followed by base64url (no padding) of
 * {@code {"method":"POST","url":STS endpoint,"headers":{name:value},"body":"Action=GetCallerIdentity&Version=2011-06-15"}}.
 * keyhole accepts each token once and only within minutes of its signing time: make a new one per request (a
 * signed {@value #NONCE_HEADER} keeps tokens made in the same second apart).
 */
public final class IamSignIn {

    /** What every sign-in token starts with. */
    public static final String PREFIX = "khiam.";
    /** The signed header that binds a token to one keyhole. */
    public static final String SERVER_ID_HEADER = "X-Keyhole-Server-ID";
    /** A signed random value: two tokens signed in the same second with the same credentials still differ. */
    public static final String NONCE_HEADER = "X-Keyhole-Nonce";
    /** The one STS call a token may carry. */
    public static final String BODY = "Action=GetCallerIdentity&Version=2011-06-15";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final SecureRandom RANDOM = new SecureRandom();

    private IamSignIn() {}

    private static String nonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * A sign-in token for keyhole {@code audience}, signed now (as {@code clock} tells) with {@code credentials}
     * for STS at {@code stsEndpoint} in {@code region}.
     */
    @SuppressWarnings("deprecation") // Aws4Signer signs exactly the headers given, as the local engine's verifier does
    public static String token(AwsCredentials credentials, Region region, URI stsEndpoint, String audience, Clock clock) {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(stsEndpoint)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .putHeader(SERVER_ID_HEADER, audience)
                .putHeader(NONCE_HEADER, nonce())
                .contentStreamProvider(() -> new ByteArrayInputStream(body))
                .build();
        SdkHttpFullRequest signed = Aws4Signer.create().sign(unsigned, Aws4SignerParams.builder()
                .awsCredentials(credentials)
                .signingName("sts")
                .signingRegion(region)
                .signingClockOverride(clock)
                .build());
        ObjectNode n = JSON.createObjectNode().put("method", "POST").put("url", signed.getUri().toString());
        ObjectNode headers = n.putObject("headers");
        for (Map.Entry<String, List<String>> h : signed.headers().entrySet()) {
            headers.put(h.getKey(), String.join(",", h.getValue()));
        }
        n.put("body", BODY);
        try {
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(n));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
