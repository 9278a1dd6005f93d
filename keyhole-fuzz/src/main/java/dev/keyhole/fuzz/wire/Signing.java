package dev.keyhole.fuzz.wire;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * Signs a fuzz request with SigV4 as an SDK client would, using the SDK's {@code Aws4Signer} (which signs exactly
 * the headers given, as the local engine's verifier expects). Returns the headers unchanged when the SDK will not
 * sign them (a method it does not know, a target that is no URI): such an input goes out unsigned.
 */
public final class Signing {

    private final AwsCredentials credentials;
    private final Region region;

    public Signing(AwsCredentials credentials, Region region) {
        this.credentials = credentials;
        this.region = region;
    }

    /** {@code input}'s headers plus the signature headers for {@code service}, sent to {@code authority}. */
    @SuppressWarnings("deprecation") // Aws4Signer: the verifier's own signer, see SigV4Verifier
    public List<HttpInput.Header> sign(HttpInput input, String authority, String service) {
        SdkHttpFullRequest signed;
        try {
            SdkHttpFullRequest.Builder b = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(input.method()))
                    .uri(URI.create("http://" + authority + input.target()))
                    .contentStreamProvider(() -> new ByteArrayInputStream(input.body()));
            for (HttpInput.Header h : input.headers()) {
                b.appendHeader(h.name(), h.value());
            }
            signed = Aws4Signer.create().sign(b.build(), Aws4SignerParams.builder().awsCredentials(credentials)
                    .signingName(service).signingRegion(region).build());
        } catch (RuntimeException e) {
            return input.headers();
        }
        List<HttpInput.Header> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> h : signed.headers().entrySet()) {
            if (!h.getKey().equalsIgnoreCase("host")) {
                h.getValue().forEach(v -> out.add(new HttpInput.Header(h.getKey(), v)));
            }
        }
        return out;
    }
}
