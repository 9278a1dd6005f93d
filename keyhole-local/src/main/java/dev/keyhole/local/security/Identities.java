package dev.keyhole.local.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.iam.evaluate.PolicySet;
import dev.keyhole.iam.parse.PolicyParser;
import dev.keyhole.iam.parse.PolicyWriter;
import dev.keyhole.iam.policy.Policy;
import dev.keyhole.iam.request.Principal;
import dev.keyhole.iam.request.PrincipalType;
import dev.keyhole.local.signing.AuthFailure;
import dev.keyhole.local.signing.ReceivedRequest;
import dev.keyhole.local.signing.SigV4Verifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The identities the local engine knows: the IAM file's users and roles, and the sessions STS has
 * minted (kept in {@code sessions.json} beside the data so they survive a restart).
 */
public final class Identities {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private final IamFile file;
    private final Path sessionsFile;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Caller> userCallers = new ConcurrentHashMap<>();
    private final Map<String, PolicySet> rolePolicies = new ConcurrentHashMap<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Caller> sessionCallers = new ConcurrentHashMap<>();

    public Identities(IamFile file, Path sessionsFile, Clock clock) {
        this.file = file;
        this.sessionsFile = sessionsFile;
        this.clock = clock;
        file.users().values().forEach(u -> userCallers.put(u.name(), new Caller(new Principal(PrincipalType.USER, u.arn(),
                u.id(), file.account(), u.tags()), policySet(u.policies(), u.boundary()), null)));
        file.roles().values().forEach(r -> rolePolicies.put(r.arn(), policySet(r.policies(), r.boundary())));
        if (sessionsFile != null && Files.exists(sessionsFile)) {
            loadSessions();
        }
    }

    private static PolicySet policySet(List<Policy> identity, Policy boundary) {
        PolicySet.Builder b = PolicySet.builder();
        identity.forEach(b::identity);
        return b.permissionsBoundary(boundary).build();
    }

    /** The account id. */
    public String account() {
        return file.account();
    }

    /** The role with this ARN, or {@code null}. */
    public IamRole role(String arn) {
        return file.roles().get(arn);
    }

    /** The clock decisions and expiry use. */
    public Clock clock() {
        return clock;
    }

    /**
     * Authenticates a signed request: known key, live session, signing time within 15 minutes,
     * signature recomputed with the SDK's signer. Throws {@link AuthFailure} with AWS's reason.
     */
    public Caller authenticate(ReceivedRequest request) {
        SigV4Verifier.Authorization auth = SigV4Verifier.parse(request);
        IamFile.StaticKey key = file.keys().get(auth.accessKeyId());
        Session session = key == null ? sessions.get(auth.accessKeyId()) : null;
        if (key == null && session == null) {
            throw new AuthFailure(AuthFailure.Reason.UNKNOWN_KEY, "The security token included in the request is invalid.");
        }
        String token = request.header("x-amz-security-token");
        if (session != null) {
            if (token == null || !java.security.MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    session.token().getBytes(StandardCharsets.UTF_8))) {
                throw new AuthFailure(AuthFailure.Reason.UNKNOWN_KEY, "The security token included in the request is invalid.");
            }
            if (!clock.instant().isBefore(session.expires())) {
                throw new AuthFailure(AuthFailure.Reason.EXPIRED_TOKEN, "The security token included in the request is expired");
            }
        }
        Instant signed = SigV4Verifier.signingTime(request);
        SigV4Verifier.checkSkew(signed, clock);
        SigV4Verifier.verify(request, auth, key != null ? key.secret() : session.secret(), token, signed);
        if (key != null) {
            return userCallers.get(key.user().name());
        }
        return sessionCallers.computeIfAbsent(session.accessKeyId(), k -> sessionCaller(session));
    }

    private Caller sessionCaller(Session s) {
        IamRole role = file.roles().get(s.roleArn());
        Map<String, String> tags = new LinkedHashMap<>(role.tags());
        tags.putAll(s.tags());
        Principal p = new Principal(PrincipalType.ASSUMED_ROLE,
                "arn:aws:sts::" + file.account() + ":assumed-role/" + role.name() + "/" + s.sessionName(),
                role.id() + ":" + s.sessionName(), file.account(), tags);
        return new Caller(p, rolePolicies.get(role.arn()).withSessionPolicy(s.sessionPolicy()), s);
    }

    /** Mints and records a session for {@code role}; validation and authorization are the caller's job. */
    public Session mint(IamRole role, String sessionName, Policy sessionPolicy, String sourceIdentity,
                        Map<String, String> tags, java.time.Duration duration) {
        Instant now = clock.instant();
        // As AWS's: an ASIA access key id of 20 upper-case letters and digits, a 40-character base64 secret.
        Session s = new Session("ASIA" + random(16), base64(30), base64(96), role.arn(), sessionName, sessionPolicy,
                sourceIdentity, tags, now, now.plus(duration));
        sessions.put(s.accessKeyId(), s);
        sessions.values().removeIf(old -> !now.isBefore(old.expires()));
        sessionCallers.keySet().retainAll(sessions.keySet());
        saveSessions();
        return s;
    }

    private String random(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    private String base64(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private synchronized void saveSessions() {
        if (sessionsFile == null) {
            return;
        }
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !now.isBefore(s.expires()));
        List<ObjectNode> out = new ArrayList<>();
        for (Session s : sessions.values()) {
            ObjectNode o = JSON.createObjectNode();
            o.put("accessKeyId", s.accessKeyId()).put("secret", s.secret()).put("token", s.token())
                    .put("roleArn", s.roleArn()).put("sessionName", s.sessionName())
                    .put("sourceIdentity", s.sourceIdentity()).put("issued", s.issued().toString())
                    .put("expires", s.expires().toString());
            if (s.sessionPolicy() != null) {
                o.put("sessionPolicy", PolicyWriter.write(s.sessionPolicy()));
            }
            o.set("tags", JSON.valueToTree(s.tags()));
            out.add(o);
        }
        try {
            Path tmp = sessionsFile.resolveSibling(sessionsFile.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
            try {
                // Session secrets: readable by the engine's owner only.
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // nothing to narrow on this file system
            }
            Files.writeString(tmp, JSON.writeValueAsString(out), StandardCharsets.UTF_8);
            Files.move(tmp, sessionsFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save sessions to " + sessionsFile, e);
        }
    }

    private void loadSessions() {
        try {
            for (JsonNode o : JSON.readTree(Files.readString(sessionsFile))) {
                Map<String, String> tags = new LinkedHashMap<>();
                o.path("tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
                Session s = new Session(o.get("accessKeyId").asText(), o.get("secret").asText(), o.get("token").asText(),
                        o.get("roleArn").asText(), o.get("sessionName").asText(),
                        o.hasNonNull("sessionPolicy") ? PolicyParser.parse(o.get("sessionPolicy").asText()) : null,
                        o.hasNonNull("sourceIdentity") ? o.get("sourceIdentity").asText() : null, tags,
                        Instant.parse(o.get("issued").asText()), Instant.parse(o.get("expires").asText()));
                if (file.roles().containsKey(s.roleArn())) {
                    sessions.put(s.accessKeyId(), s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sessions from " + sessionsFile, e);
        }
    }
}
