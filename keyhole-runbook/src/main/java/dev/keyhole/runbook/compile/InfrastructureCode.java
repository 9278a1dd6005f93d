package dev.keyhole.runbook.compile;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.iam.parse.PolicyWriter;
import dev.keyhole.iam.policy.Policy;

/**
 * Wraps compiled policies for infrastructure as code: Terraform JSON ({@code aws_iam_role} and
 * {@code aws_iam_role_policy}) and a CloudFormation template ({@code AWS::IAM::Role}).
 */
public final class InfrastructureCode {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private InfrastructureCode() {}

    /** The role's name, the part after {@code role/} (and any path) in its ARN. */
    static String roleName(String roleArn) {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    /** IAM JSON: {@code {"roleArn", "executionRolePolicy", "trustPolicy"}}. */
    public static ObjectNode iam(String roleArn, Policy rolePolicy, Policy trustPolicy) {
        ObjectNode o = NODES.objectNode();
        o.put("roleArn", roleArn);
        o.set("executionRolePolicy", PolicyWriter.toTree(rolePolicy));
        o.set("trustPolicy", PolicyWriter.toTree(trustPolicy));
        return o;
    }

    /** Terraform JSON configuration (policy documents embedded as JSON strings, as the provider expects). */
    public static ObjectNode terraform(String roleArn, Policy rolePolicy, Policy trustPolicy) {
        String name = roleName(roleArn);
        String id = Names.identifier(name);
        ObjectNode root = NODES.objectNode();
        ObjectNode resource = root.putObject("resource");
        ObjectNode role = resource.putObject("aws_iam_role").putObject(id);
        role.put("name", name);
        role.put("description", "keyhole execution role; generated from runbooks, do not edit by hand");
        role.put("max_session_duration", 3600);
        role.put("assume_role_policy", PolicyWriter.write(trustPolicy));
        ObjectNode policy = resource.putObject("aws_iam_role_policy").putObject(id + "_runbooks");
        policy.put("name", "keyhole-runbooks");
        policy.put("role", "${aws_iam_role." + id + ".id}");
        policy.put("policy", PolicyWriter.write(rolePolicy));
        return root;
    }

    /** A CloudFormation template declaring the role with its trust and inline policies. */
    public static ObjectNode cloudFormation(String roleArn, Policy rolePolicy, Policy trustPolicy) {
        String name = roleName(roleArn);
        ObjectNode root = NODES.objectNode();
        root.put("AWSTemplateFormatVersion", "2010-09-09");
        root.put("Description", "keyhole execution role " + name + "; generated from runbooks");
        ObjectNode props = root.putObject("Resources").putObject(Names.sid(name)).put("Type", "AWS::IAM::Role")
                .putObject("Properties");
        props.put("RoleName", name);
        props.put("MaxSessionDuration", 3600);
        props.set("AssumeRolePolicyDocument", PolicyWriter.toTree(trustPolicy));
        ObjectNode inline = props.putArray("Policies").addObject();
        inline.put("PolicyName", "keyhole-runbooks");
        inline.set("PolicyDocument", PolicyWriter.toTree(rolePolicy));
        return root;
    }
}
