package dev.keyhole.gateway.credentials;

import dev.keyhole.iam.parse.PolicyWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * Mints credentials with STS {@code AssumeRole} through the AWS SDK v2 (pointed at the local engine
 * in local mode). Credentials are cached per binding and reused until {@code refreshBefore} of their
 * expiry; a different binding never gets another binding's credentials.
 */
public final class StsCredentialsBroker implements CredentialsBroker {

    private final StsClient sts;
    private final Clock clock;
    private final Duration refreshBefore;
    private final ConcurrentHashMap<String, SessionCredentials> cache = new ConcurrentHashMap<>();

    public StsCredentialsBroker(StsClient sts, Clock clock, Duration refreshBefore) {
        this.sts = sts;
        this.clock = clock;
        this.refreshBefore = refreshBefore;
    }

    @Override
    public SessionCredentials credentials(SessionRequest r) {
        SessionCredentials cached = cache.get(r.bindingKey());
        if (cached != null && clock.instant().plus(refreshBefore).isBefore(cached.expiration())) {
            return cached;
        }
        List<Tag> tags = new ArrayList<>();
        r.tags().forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        AssumeRoleResponse resp = sts.assumeRole(AssumeRoleRequest.builder()
                .roleArn(r.roleArn())
                .roleSessionName(r.sessionName())
                .policy(PolicyWriter.write(r.sessionPolicy()))
                .durationSeconds((int) Math.max(900, r.duration().toSeconds()))
                .sourceIdentity(r.sourceIdentity())
                .tags(tags)
                .build());
        SessionCredentials minted = new SessionCredentials(resp.credentials().accessKeyId(),
                resp.credentials().secretAccessKey(), resp.credentials().sessionToken(),
                resp.credentials().expiration(), r.sessionName(), resp.assumedRoleUser().arn());
        cache.values().removeIf(c -> !clock.instant().isBefore(c.expiration()));
        if (cache.size() >= 1024) {
            cache.clear(); // bounded: bindings that change every second must not pile up until they expire
        }
        cache.put(r.bindingKey(), minted);
        return minted;
    }

    @Override
    public void forget(String bindingKey) {
        cache.remove(bindingKey);
    }

    @Override
    public void close() {
        sts.close();
    }
}
