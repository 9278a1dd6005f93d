package dev.keyhole.local.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The IAM file the server tests run with. Users: {@code admin} (everything), {@code keyhole} (may assume
 * any role; may set a source identity and tag sessions only on {@code reader}), {@code bob} (nothing).
 * Roles: {@code reader} (trusts keyhole by ARN; Query and GetItem on every table, Scan denied; 2 hours),
 * {@code bounded} (trusts keyhole; Query and GetItem allowed but its boundary allows only GetItem and denies
 * DeleteItem), {@code open} (trusts the account, so the caller's identity policies decide), and
 * {@code bobs} (trusts only bob).
 */
final class TestIdentities {

    static final String ACCOUNT = "000000000000";
    static final String ADMIN_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String ADMIN_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String KEYHOLE_KEY = "AKIAKEYHOLETEST00001";
    static final String KEYHOLE_SECRET = "keyhole-test-secret-0001";
    static final String BOB_KEY = "AKIABOBTEST000000001";
    static final String BOB_SECRET = "bob-test-secret-0001";

    private static final String YAML = """
            account: "000000000000"
            users:
              - name: admin
                accessKeys: [{id: AKIAIOSFODNN7EXAMPLE, secret: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}]
                policies:
                  - {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
              - name: keyhole
                accessKeys: [{id: AKIAKEYHOLETEST00001, secret: keyhole-test-secret-0001}]
                policies:
                  - {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::000000000000:role/*"},
                      {"Effect": "Allow", "Action": ["sts:SetSourceIdentity", "sts:TagSession"],
                       "Resource": "arn:aws:iam::000000000000:role/reader"}]}
              - name: bob
                accessKeys: [{id: AKIABOBTEST000000001, secret: bob-test-secret-0001}]
                policies: []
            roles:
              - name: reader
                maxSessionDuration: 7200
                trustPolicy: {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::000000000000:user/keyhole"},
                  "Action": ["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"]}]}
                policies:
                  - {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Action": ["dynamodb:Query", "dynamodb:GetItem"],
                       "Resource": "arn:aws:dynamodb:*:000000000000:table/*"},
                      {"Effect": "Deny", "Action": "dynamodb:Scan", "Resource": "*"}]}
              - name: bounded
                trustPolicy: {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::000000000000:user/keyhole"}, "Action": "sts:AssumeRole"}]}
                policies:
                  - {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                      "Action": ["dynamodb:Query", "dynamodb:GetItem"], "Resource": "*"}]}
                permissionsBoundary: {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "*"},
                  {"Effect": "Deny", "Action": "dynamodb:DeleteItem", "Resource": "*"}]}
              - name: open
                maxSessionDuration: 43200
                trustPolicy: {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::000000000000:root"},
                  "Action": ["sts:AssumeRole", "sts:SetSourceIdentity", "sts:TagSession"]}]}
                policies:
                  - {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "dynamodb:Query", "Resource": "*"}]}
              - name: hub
                trustPolicy: {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::000000000000:user/keyhole"}, "Action": "sts:AssumeRole"}]}
                policies:
                  - {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                      "Resource": "arn:aws:iam::000000000000:role/open"}]}
              - name: bobs
                trustPolicy: {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::000000000000:user/bob"}, "Action": "sts:AssumeRole"}]}
                policies: []
            """;

    private TestIdentities() {}

    static String roleArn(String name) {
        return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
    }

    /** Writes the IAM file into {@code dir} and returns its path. */
    static Path write(Path dir) throws IOException {
        return Files.writeString(dir.resolve("iam.yaml"), YAML);
    }
}
