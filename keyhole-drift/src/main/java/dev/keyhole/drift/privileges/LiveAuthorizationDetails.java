package dev.keyhole.drift.privileges;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.PolicyDetail;

/**
 * Reads the authorization details through the IAM API (every page, following {@code Marker}) and
 * hands the pages, in the AWS CLI's JSON shape, to {@link AuthorizationDetailsReader} — one reader
 * for both ways in. The API's documents are URL-encoded; the reader decodes them.
 */
public final class LiveAuthorizationDetails {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LiveAuthorizationDetails() {}

    /** Every page from {@code iam}. */
    public static AuthorizationDetails fetch(IamClient iam) {
        List<JsonNode> pages = new ArrayList<>();
        for (GetAccountAuthorizationDetailsResponse r : iam.getAccountAuthorizationDetailsPaginator(b -> { })) {
            pages.add(page(r));
        }
        return AuthorizationDetailsReader.fromPages(pages);
    }

    private static JsonNode page(GetAccountAuthorizationDetailsResponse r) {
        ObjectNode page = NODES.objectNode();
        ArrayNode users = page.putArray("UserDetailList");
        r.userDetailList().forEach(u -> {
            ObjectNode o = users.addObject().put("UserName", u.userName()).put("Arn", u.arn());
            policies(o.putArray("UserPolicyList"), u.userPolicyList());
            attached(o, u.attachedManagedPolicies(), u.permissionsBoundary());
            ArrayNode groups = o.putArray("GroupList");
            u.groupList().forEach(groups::add);
        });
        ArrayNode roles = page.putArray("RoleDetailList");
        r.roleDetailList().forEach(role -> {
            ObjectNode o = roles.addObject().put("RoleName", role.roleName()).put("Arn", role.arn());
            policies(o.putArray("RolePolicyList"), role.rolePolicyList());
            attached(o, role.attachedManagedPolicies(), role.permissionsBoundary());
        });
        ArrayNode groups = page.putArray("GroupDetailList");
        r.groupDetailList().forEach(g -> {
            ObjectNode o = groups.addObject().put("GroupName", g.groupName()).put("Arn", g.arn());
            policies(o.putArray("GroupPolicyList"), g.groupPolicyList());
            attached(o, g.attachedManagedPolicies(), null);
        });
        ArrayNode policies = page.putArray("Policies");
        r.policies().forEach(p -> {
            ObjectNode o = policies.addObject().put("PolicyName", p.policyName()).put("Arn", p.arn())
                    .put("DefaultVersionId", p.defaultVersionId());
            ArrayNode versions = o.putArray("PolicyVersionList");
            p.policyVersionList().forEach(v -> versions.addObject().put("VersionId", v.versionId())
                    .put("IsDefaultVersion", Boolean.TRUE.equals(v.isDefaultVersion())).put("Document", v.document()));
        });
        page.put("IsTruncated", Boolean.TRUE.equals(r.isTruncated()));
        return page;
    }

    private static void policies(ArrayNode into, List<PolicyDetail> list) {
        list.forEach(p -> into.addObject().put("PolicyName", p.policyName()).put("PolicyDocument", p.policyDocument()));
    }

    private static void attached(ObjectNode o, List<AttachedPolicy> list, AttachedPermissionsBoundary boundary) {
        ArrayNode a = o.putArray("AttachedManagedPolicies");
        list.forEach(p -> a.addObject().put("PolicyName", p.policyName()).put("PolicyArn", p.policyArn()));
        if (boundary != null && boundary.permissionsBoundaryArn() != null) {
            o.putObject("PermissionsBoundary").put("PermissionsBoundaryArn", boundary.permissionsBoundaryArn());
        }
    }
}
