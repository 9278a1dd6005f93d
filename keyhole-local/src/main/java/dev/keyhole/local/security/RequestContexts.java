package dev.keyhole.local.security;

import dev.keyhole.iam.request.RequestContext;
import java.time.Instant;

/**
 * The global {@code aws:*} condition keys of a request, as AWS sets them: region, time, transport,
 * source address, and for role sessions the source identity and token issue time. Principal keys
 * ({@code aws:PrincipalArn}, {@code aws:userid}, tags ...) are added by {@link dev.keyhole.iam.request.Request}.
 * See https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 */
public final class RequestContexts {

    private RequestContexts() {}

    /** A builder holding the global keys for {@code caller}'s request. */
    public static RequestContext.Builder global(Caller caller, String region, Instant now, boolean secure,
                                                String sourceIp) {
        RequestContext.Builder b = RequestContext.builder()
                .put("aws:RequestedRegion", region)
                .put("aws:CurrentTime", now.toString())
                .put("aws:EpochTime", Long.toString(now.getEpochSecond()))
                .put("aws:SecureTransport", Boolean.toString(secure));
        if (sourceIp != null) {
            b.put("aws:SourceIp", sourceIp);
        }
        Session s = caller.session();
        if (s != null) {
            b.put("aws:TokenIssueTime", s.issued().toString());
            if (s.sourceIdentity() != null) {
                b.put("aws:SourceIdentity", s.sourceIdentity());
            }
        }
        return b;
    }
}
