package dev.keyhole.local.signing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.regions.Region;

/**
 * Verifies SigV4 {@code Authorization} headers by signing the received request again with the AWS
 * SDK v2's own signer — same credentials, same signing time, only the headers
 * the client signed — and comparing the signatures in constant time. Nothing of SigV4 is re-implemented.
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
public final class SigV4Verifier {

    /** How far a request's signing time may be from the server's clock, as AWS allows. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Stateless and thread-safe; it keeps the SDK's cache of derived signing keys warm across requests. */
    @SuppressWarnings("deprecation")
    private static final Aws4Signer SIGNER = Aws4Signer.create();
    private static final Map<String, SdkHttpMethod> METHODS = Arrays.stream(SdkHttpMethod.values())
            .collect(Collectors.toUnmodifiableMap(SdkHttpMethod::name, m -> m));

    /** The parsed {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...}. */
    public record Authorization(String accessKeyId, String date, String region, String service,
                                List<String> signedHeaders, String signature) {}

    private SigV4Verifier() {}

    /** Parses the Authorization header; {@link AuthFailure} when it is missing or malformed. */
    public static Authorization parse(ReceivedRequest request) {
        String auth = request.header("authorization");
        if (auth == null || auth.isBlank()) {
            throw new AuthFailure(AuthFailure.Reason.MISSING, "Request is missing Authentication Token");
        }
        if (!auth.startsWith("AWS4-HMAC-SHA256 ")) {
            throw new AuthFailure(AuthFailure.Reason.BAD_SIGNATURE, "Authorization header requires 'Credential' "
                    + "parameter. Authorization header requires 'Signature' parameter. Authorization header "
                    + "requires 'SignedHeaders' parameter.");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : auth.substring(17).split(",")) {
            String p = part.trim();
            if (p.startsWith("Credential=")) {
                credential = p.substring(11);
            } else if (p.startsWith("SignedHeaders=")) {
                signedHeaders = p.substring(14);
            } else if (p.startsWith("Signature=")) {
                signature = p.substring(10);
            }
        }
        String[] scope = credential == null ? new String[0] : credential.split("/");
        if (scope.length != 5 || signedHeaders == null || signature == null) {
            throw new AuthFailure(AuthFailure.Reason.BAD_SIGNATURE, "Authorization header requires 'Credential' "
                    + "parameter. Authorization header requires 'Signature' parameter. Authorization header "
                    + "requires 'SignedHeaders' parameter.");
        }
        return new Authorization(scope[0], scope[1], scope[2], scope[3], List.of(signedHeaders.split(";")), signature);
    }

    /** The request's signing time from {@code X-Amz-Date} ({@code yyyyMMdd'T'HHmmss'Z'}, always UTC). */
    public static Instant signingTime(ReceivedRequest request) {
        String date = request.header("x-amz-date");
        if (date == null) {
            throw new AuthFailure(AuthFailure.Reason.BAD_SIGNATURE, "Authorization header requires existence of "
                    + "either a 'X-Amz-Date' or a 'Date' header.");
        }
        // Read field by field: a general DateTimeFormatter took a tenth of the verification time.
        if (date.length() != 16 || date.charAt(8) != 'T' || date.charAt(15) != 'Z') {
            throw badDate(date);
        }
        try {
            return LocalDateTime.of(digits(date, 0, 4), digits(date, 4, 6), digits(date, 6, 8),
                    digits(date, 9, 11), digits(date, 11, 13), digits(date, 13, 15)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw badDate(date);
        }
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new DateTimeException("not a digit");
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static AuthFailure badDate(String date) {
        return new AuthFailure(AuthFailure.Reason.BAD_SIGNATURE, "Date must be in ISO-8601 'basic format'. Got '"
                + date + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    /** Throws {@link AuthFailure} when the signing time is more than 15 minutes from {@code clock}. */
    public static void checkSkew(Instant signed, Clock clock) {
        Instant now = clock.instant();
        if (Duration.between(signed, now).abs().compareTo(MAX_SKEW) > 0) {
            // wording from AWS's "Signature expired" responses
            throw new AuthFailure(AuthFailure.Reason.SKEWED, "Signature expired: " + AMZ_DATE.format(signed)
                    + " is now earlier than " + AMZ_DATE.format(now.minus(MAX_SKEW)) + " ("
                    + AMZ_DATE.format(now) + " - 15 min.)");
        }
    }

    /**
     * Recomputes the signature with {@code secret} (and {@code sessionToken}) and compares.
     *
     * <p>Uses the SDK's {@code Aws4Signer}: it signs exactly the headers it is given, as SigV4 defines,
     * while the newer {@code AwsV4HttpSigner} always adds and signs {@code x-amz-content-sha256}, which
     * clients such as the AWS CLI do not send, so it could not reproduce their signatures.
     */
    @SuppressWarnings("deprecation")
    public static void verify(ReceivedRequest request, Authorization auth, String secret, String sessionToken,
                              Instant signingTime) {
        String host = request.header("host");
        URI uri = URI.create("http://" + (host == null ? "localhost" : host) + request.rawPath()
                + (request.rawQuery() == null ? "" : "?" + request.rawQuery()));
        SdkHttpMethod method = METHODS.get(request.method());
        SdkHttpFullRequest.Builder b = SdkHttpFullRequest.builder()
                .method(method != null ? method : SdkHttpMethod.fromValue(request.method()))
                .uri(uri);
        for (String name : auth.signedHeaders()) {
            List<String> values = request.headers().get(name);
            if (values != null && !name.equals("authorization")) {
                b.putHeader(name, values);
            }
        }
        byte[] body = request.body();
        b.contentStreamProvider(() -> new java.io.ByteArrayInputStream(body));
        AwsCredentials credentials = sessionToken == null
                ? AwsBasicCredentials.create(auth.accessKeyId(), secret)
                : AwsSessionCredentials.create(auth.accessKeyId(), secret, sessionToken);
        SdkHttpFullRequest resigned = SIGNER.sign(b.build(), Aws4SignerParams.builder()
                .awsCredentials(credentials)
                .signingName(auth.service())
                .signingRegion(Region.of(auth.region()))
                .signingClockOverride(Clock.fixed(signingTime, ZoneOffset.UTC))
                .build());
        String expected = resigned.firstMatchingHeader("Authorization").orElse("");
        int at = expected.indexOf("Signature=");
        String expectedSignature = at < 0 ? "" : expected.substring(at + 10);
        if (!MessageDigest.isEqual(expectedSignature.getBytes(StandardCharsets.US_ASCII),
                auth.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw new AuthFailure(AuthFailure.Reason.BAD_SIGNATURE, "The request signature we calculated does not "
                    + "match the signature you provided. Check your AWS Secret Access Key and signing method. "
                    + "Consult the service documentation for details.");
        }
    }
}
