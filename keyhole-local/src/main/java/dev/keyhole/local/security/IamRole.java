package dev.keyhole.local.security;

import dev.keyhole.iam.policy.Policy;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A local IAM role.
 *
 * @param name the role name
 * @param arn {@code arn:aws:iam::ACCOUNT:role/NAME}
 * @param id the unique id ({@code AROA...})
 * @param trust the trust policy (who may assume it)
 * @param policies identity-based policies
 * @param boundary the permissions boundary, or {@code null}
 * @param maxSession the longest session AssumeRole may grant (1 to 12 hours)
 * @param tags role tags (principal tags of its sessions)
 */
public record IamRole(String name, String arn, String id, Policy trust, List<Policy> policies, Policy boundary,
                      Duration maxSession, Map<String, String> tags) {}
