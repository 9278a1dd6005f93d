package dev.keyhole.local.security;

import dev.keyhole.iam.policy.Policy;
import java.util.List;
import java.util.Map;

/**
 * A local IAM user.
 *
 * @param name the user name
 * @param arn {@code arn:aws:iam::ACCOUNT:user/NAME}
 * @param id the unique id ({@code AIDA...})
 * @param policies identity-based policies
 * @param boundary the permissions boundary, or {@code null}
 * @param tags principal tags
 */
public record IamUser(String name, String arn, String id, List<Policy> policies, Policy boundary,
                      Map<String, String> tags) {}
