package dev.keyhole.runbook.load;

import dev.keyhole.runbook.model.Access;
import dev.keyhole.runbook.model.Example;
import dev.keyhole.runbook.model.Limits;
import dev.keyhole.runbook.model.MaskRule;
import dev.keyhole.runbook.model.Operation;
import dev.keyhole.runbook.model.Parameter;
import dev.keyhole.runbook.model.ParameterType;
import dev.keyhole.runbook.model.QuerySpec;
import dev.keyhole.runbook.model.Runbook;
import dev.keyhole.runbook.model.Target;
import dev.keyhole.runbook.yaml.YamlNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Maps a located YAML tree to a {@link Runbook}, recording every shape problem. */
final class RunbookReader {

    static final Set<String> TOP = Set.of("name", "description", "owner", "examples", "target", "parameters",
            "queries", "limits", "masking", "access");
    private static final Set<String> TARGET = Set.of("account", "region", "table", "index", "role", "keys");
    private static final Set<String> KEYS = Set.of("partition", "sort", "indexes");
    private static final Set<String> PARAM = Set.of("type", "description", "required", "default", "pattern",
            "minLength", "maxLength", "enum", "min", "max", "integer", "format");
    private static final Set<String> QUERY = Set.of("operation", "index", "keyCondition", "key", "filter",
            "projection", "scanIndexForward", "consistentRead");
    private static final Set<String> LIMITS = Set.of("pageSize", "maxPages", "maxItems");
    private static final Set<String> MASK = Set.of("attribute", "mode", "keep");
    private static final Set<String> ACCESS = Set.of("runners", "ticket", "approval", "sessionTtl", "credentials");
    private static final Set<String> TICKET = Set.of("required", "pattern", "provider", "machineReason");
    private static final Set<String> APPROVAL = Set.of("required", "from");
    private static final Set<String> EXAMPLE = Set.of("description", "query", "params");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+");

    private final Problems problems;

    RunbookReader(Problems problems) {
        this.problems = problems;
    }

    Runbook read(YamlNode root, String source, String hash) {
        Fields f = Fields.of(root, "the runbook", problems);
        if (f == null) {
            return null;
        }
        f.rejectUnknown(TOP);
        String name = f.string("name", true);
        if (name != null && !NAME.matcher(name).matches()) {
            problems.add(f.locationOf("name"), "runbook name `" + name + "` must be lowercase letters, digits and "
                    + "`-` (at most 63), e.g. `orders-by-customer`");
        }
        String description = f.string("description", true);
        String owner = f.string("owner", true);
        Target target = target(f.node("target"), f);
        Map<String, Parameter> parameters = parameters(f.node("parameters"));
        Map<String, QuerySpec> queries = queries(f.node("queries"), f);
        Limits limits = limits(f.node("limits"));
        List<MaskRule> masking = masking(f.node("masking"));
        Access access = access(f.node("access"), f);
        List<Example> examples = examples(f.node("examples"));
        return new Runbook(name == null ? "" : name, description, owner, examples, target, parameters, queries,
                limits, masking, access, source, hash);
    }

    private Target target(YamlNode node, Fields parent) {
        if (node == null) {
            problems.add(parent.location(), "the runbook needs `target` with account, region, table and role");
            return null;
        }
        Fields f = Fields.of(node, "`target`", problems);
        if (f == null) {
            return null;
        }
        f.rejectUnknown(TARGET);
        String account = f.string("account", true);
        if (account != null && !ACCOUNT.matcher(account).matches()) {
            problems.add(f.locationOf("account"), "`target.account` must be a 12-digit account id in quotes, e.g. "
                    + "`\"111122223333\"`");
        }
        String region = f.string("region", true);
        if (region != null && !REGION.matcher(region).matches()) {
            problems.add(f.locationOf("region"), "`target.region` `" + region + "` is not a region name like `eu-west-1`");
        }
        String table = f.string("table", true);
        String index = f.string("index", false);
        String role = f.string("role", true);
        if (role != null && !ROLE.matcher(role).matches()) {
            problems.add(f.locationOf("role"), "`target.role` must be an IAM role ARN "
                    + "`arn:aws:iam::ACCOUNT:role/NAME`, not `" + role + "`");
        }
        Target.KeySchema keys = f.node("keys") == null ? null : keySchema(f.node("keys"), "`target.keys`");
        return new Target(account, region, table, index, role, keys);
    }

    private Target.KeySchema keySchema(YamlNode node, String what) {
        Fields f = Fields.of(node, what, problems);
        if (f == null) {
            return null;
        }
        f.rejectUnknown(KEYS);
        String partition = f.string("partition", true);
        String sort = f.string("sort", false);
        Map<String, Target.KeySchema> indexes = new LinkedHashMap<>();
        YamlNode idx = f.node("indexes");
        if (idx != null) {
            if (idx instanceof YamlNode.Mapping m) {
                m.entries().forEach((k, v) -> {
                    Target.KeySchema ks = keySchema(v, what + ".indexes." + k);
                    if (ks != null) {
                        indexes.put(k, ks);
                    }
                });
            } else {
                problems.add(idx.location(), what + ".indexes must map index names to their keys");
            }
        }
        return partition == null ? null : new Target.KeySchema(partition, sort, indexes);
    }

    private Map<String, Parameter> parameters(YamlNode node) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof YamlNode.Mapping m)) {
            problems.add(node.location(), "`parameters` must map parameter names to their definitions");
            return out;
        }
        m.entries().forEach((name, def) -> {
            if (!IDENT.matcher(name).matches()) {
                problems.add(m.keyLocations().get(name), "parameter name `" + name + "` must be letters, digits and "
                        + "`_`, starting with a letter, so it can be used as `:" + name + "`");
            }
            Parameter p = parameter(name, def);
            if (p != null) {
                out.put(name, p);
            }
        });
        return out;
    }

    private Parameter parameter(String name, YamlNode node) {
        String what = "parameter `" + name + "`";
        Fields f = Fields.of(node, what, problems);
        if (f == null) {
            return null;
        }
        f.rejectUnknown(PARAM);
        String typeName = f.string("type", true);
        ParameterType type = typeName == null ? null : ParameterType.fromYaml(typeName);
        if (typeName != null && type == null) {
            problems.add(f.locationOf("type"), what + " has unknown type `" + typeName
                    + "`; use string, number, boolean or datetime");
        }
        String pattern = f.string("pattern", false);
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                problems.add(f.locationOf("pattern"), what + " has an invalid pattern: "
                        + e.getDescription().toLowerCase(Locale.ROOT));
            }
        }
        String format = f.string("format", false);
        if (format != null && !Set.of("iso8601", "epoch-seconds", "epoch-millis").contains(format)) {
            problems.add(f.locationOf("format"), what + " has unknown format `" + format
                    + "`; use iso8601, epoch-seconds or epoch-millis");
        }
        if (type == null) {
            return null;
        }
        return new Parameter(name, type, f.string("description", false), f.bool("required", false),
                f.string("default", false), pattern, f.integer("minLength", null, 0, 400_000),
                f.integer("maxLength", null, 1, 400_000), f.strings("enum"), f.decimal("min"), f.decimal("max"),
                f.bool("integer", false), format == null ? "iso8601" : format);
    }

    private Map<String, QuerySpec> queries(YamlNode node, Fields parent) {
        Map<String, QuerySpec> out = new LinkedHashMap<>();
        if (node == null) {
            problems.add(parent.location(), "the runbook needs `queries` with at least one named query");
            return out;
        }
        if (!(node instanceof YamlNode.Mapping m) || m.entries().isEmpty()) {
            problems.add(node.location(), "`queries` must map query names to queries, with at least one");
            return out;
        }
        m.entries().forEach((name, def) -> {
            QuerySpec q = query(name, def);
            if (q != null) {
                out.put(name, q);
            }
        });
        return out;
    }

    private QuerySpec query(String name, YamlNode node) {
        String what = "query `" + name + "`";
        Fields f = Fields.of(node, what, problems);
        if (f == null) {
            return null;
        }
        f.rejectUnknown(QUERY);
        String opName = f.string("operation", false);
        Operation op = opName == null ? Operation.QUERY : Operation.fromYaml(opName);
        if (op == null) {
            problems.add(f.locationOf("operation"), what + " has unknown operation `" + opName
                    + "`; use Query, GetItem or Scan");
            return null;
        }
        return new QuerySpec(name, op, f.string("index", false), f.string("keyCondition", false),
                f.stringMap("key"), f.string("filter", false), f.strings("projection"),
                f.bool("scanIndexForward", true), f.bool("consistentRead", false));
    }

    private Limits limits(YamlNode node) {
        if (node == null) {
            return Limits.DEFAULT;
        }
        Fields f = Fields.of(node, "`limits`", problems);
        if (f == null) {
            return Limits.DEFAULT;
        }
        f.rejectUnknown(LIMITS);
        return new Limits(f.integer("pageSize", Limits.DEFAULT.pageSize(), 1, 1000),
                f.integer("maxPages", Limits.DEFAULT.maxPages(), 1, 1000),
                f.integer("maxItems", Limits.DEFAULT.maxItems(), 1, 100_000));
    }

    private List<MaskRule> masking(YamlNode node) {
        List<MaskRule> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof YamlNode.Sequence seq)) {
            problems.add(node.location(), "`masking` must be a list of `{attribute, mode}`");
            return out;
        }
        for (YamlNode item : seq.items()) {
            Fields f = Fields.of(item, "a masking rule", problems);
            if (f == null) {
                continue;
            }
            f.rejectUnknown(MASK);
            String attribute = f.string("attribute", true);
            String modeName = f.string("mode", false);
            MaskRule.Mode mode = MaskRule.Mode.REDACT;
            if (modeName != null) {
                try {
                    mode = MaskRule.Mode.valueOf(modeName.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(f.locationOf("mode"), "masking mode `" + modeName + "` is unknown; use redact, hash or partial");
                }
            }
            if (attribute != null) {
                out.add(new MaskRule(attribute, mode, f.integer("keep", 4, 1, 64)));
            }
        }
        return out;
    }

    private Access access(YamlNode node, Fields parent) {
        if (node == null) {
            problems.add(parent.location(), "the runbook needs `access` naming its `runners`; nobody may run it otherwise");
            return null;
        }
        Fields f = Fields.of(node, "`access`", problems);
        if (f == null) {
            return null;
        }
        f.rejectUnknown(ACCESS);
        List<String> runners = f.strings("runners");
        if (runners.isEmpty()) {
            problems.add(f.locationOf("runners"), "`access.runners` must name at least one `user:NAME`, `group:NAME` "
                    + "or `service:ARN`");
        }
        for (String r : runners) {
            if (!(r.startsWith("user:") || r.startsWith("group:") || r.startsWith("service:")) || r.endsWith(":")) {
                problems.add(f.locationOf("runners"), "runner `" + r + "` must be `user:NAME`, `group:NAME` or `service:ARN`");
            }
        }
        boolean ticketRequired = true;
        String ticketPattern = null;
        String ticketProvider = null;
        String machineReason = null;
        if (f.node("ticket") != null) {
            Fields t = Fields.of(f.node("ticket"), "`access.ticket`", problems);
            if (t != null) {
                t.rejectUnknown(TICKET);
                ticketRequired = t.bool("required", true);
                ticketPattern = t.string("pattern", false);
                String provider = t.string("provider", false);
                if (provider != null) {
                    ticketProvider = provider;
                }
                machineReason = machineReason(t, runners);
            }
        }
        int approvals = 0;
        List<String> approvers = List.of();
        if (f.node("approval") != null) {
            Fields a = Fields.of(f.node("approval"), "`access.approval`", problems);
            if (a != null) {
                a.rejectUnknown(APPROVAL);
                approvals = a.integer("required", 1, 0, 10);
                // Approvers are groups; `group:leads` and `leads` name the same one.
                approvers = a.strings("from").stream().map(g -> g.startsWith("group:") ? g.substring(6) : g).toList();
                if (approvals > 0 && approvers.isEmpty()) {
                    problems.add(a.location(), "`access.approval` needs `from`: the groups whose members may approve");
                }
            }
        }
        Duration ttl = Duration.ofMinutes(15);
        String ttlText = f.string("sessionTtl", false);
        if (ttlText != null) {
            try {
                ttl = Duration.parse(ttlText);
                if (ttl.toSeconds() < 900 || ttl.toSeconds() > 43_200) {
                    problems.add(f.locationOf("sessionTtl"), "`access.sessionTtl` must be from PT15M to PT12H, "
                            + "as STS allows for role sessions");
                }
            } catch (DateTimeParseException e) {
                problems.add(f.locationOf("sessionTtl"), "`access.sessionTtl` `" + ttlText
                        + "` is not an ISO 8601 duration such as `PT15M`");
            }
        }
        return new Access(runners, ticketRequired, ticketPattern, approvals, approvers, ttl, f.bool("credentials", false),
                ticketProvider, machineReason);
    }

    /** {@code access.ticket.machineReason}: a valid pattern, in a runbook that has {@code service:} runners to use it. */
    private String machineReason(Fields t, List<String> runners) {
        String pattern = t.string("machineReason", false);
        if (pattern == null) {
            return null;
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            problems.add(t.locationOf("machineReason"), "`access.ticket.machineReason` is an invalid pattern: "
                    + e.getDescription().toLowerCase(Locale.ROOT));
        }
        if (runners.stream().noneMatch(r -> r.startsWith("service:"))) {
            problems.add(t.locationOf("machineReason"), "`access.ticket.machineReason` applies only to `service:` "
                    + "runners and this runbook has none; add one or remove it");
        }
        return pattern;
    }

    private List<Example> examples(YamlNode node) {
        List<Example> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof YamlNode.Sequence seq)) {
            problems.add(node.location(), "`examples` must be a list of `{description, params}`");
            return out;
        }
        for (YamlNode item : seq.items()) {
            Fields f = Fields.of(item, "an example", problems);
            if (f != null) {
                f.rejectUnknown(EXAMPLE);
                out.add(new Example(f.string("description", false), f.string("query", false), f.stringMap("params")));
            }
        }
        return out;
    }
}
