package dev.keyhole.local.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyhole.dynamo.iam.TableKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table's definition: keys, attribute types, indexes, billing. Immutable; UpdateTable makes a new one.
 *
 * @param attributeTypes AttributeDefinitions, name to S, N or B, in request order
 * @param created CreationDateTime in epoch seconds
 */
record TableDef(String name, String tableId, String hash, String range, Map<String, String> attributeTypes,
                List<IndexDef> indexes, String billingMode, long readCapacity, long writeCapacity, double created,
                double billingModeChanged) {

    TableDef {
        attributeTypes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributeTypes));
        indexes = List.copyOf(indexes);
    }

    IndexDef index(String indexName) {
        for (IndexDef i : indexes) if (i.name().equals(indexName)) return i;
        return null;
    }

    TableKeys keys() {
        Map<String, TableKeys> idx = new LinkedHashMap<>();
        for (IndexDef i : indexes) idx.put(i.name(), new TableKeys(i.hash(), i.range(), Map.of()));
        return new TableKeys(hash, range, idx);
    }

    String arn(String region, String account) {
        return "arn:aws:dynamodb:" + region + ":" + account + ":table/" + name;
    }

    // ---- persistence as JSON (definitions only; items are binary) -----------------------------------

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", name).put("tableId", tableId).put("hash", hash).put("range", range)
                .put("billingMode", billingMode).put("read", readCapacity).put("write", writeCapacity)
                .put("created", created).put("billingModeChanged", billingModeChanged);
        ObjectNode types = o.putObject("attributeTypes");
        attributeTypes.forEach(types::put);
        ArrayNode idx = o.putArray("indexes");
        for (IndexDef i : indexes) {
            ObjectNode x = idx.addObject().put("name", i.name()).put("global", i.global()).put("hash", i.hash())
                    .put("range", i.range()).put("projectionType", i.projectionType())
                    .put("read", i.readCapacity()).put("write", i.writeCapacity());
            ArrayNode nk = x.putArray("nonKeyAttributes");
            i.nonKeyAttributes().forEach(nk::add);
        }
        return o;
    }

    static TableDef fromJson(JsonNode o) {
        Map<String, String> types = new LinkedHashMap<>();
        o.get("attributeTypes").fields().forEachRemaining(e -> types.put(e.getKey(), e.getValue().asText()));
        List<IndexDef> idx = new ArrayList<>();
        for (JsonNode x : o.get("indexes")) {
            List<String> nk = new ArrayList<>();
            x.get("nonKeyAttributes").forEach(n -> nk.add(n.asText()));
            idx.add(new IndexDef(x.get("name").asText(), x.get("global").asBoolean(), x.get("hash").asText(),
                    text(x.get("range")), x.get("projectionType").asText(), nk, x.get("read").asLong(), x.get("write").asLong()));
        }
        return new TableDef(o.get("name").asText(), o.get("tableId").asText(), o.get("hash").asText(), text(o.get("range")),
                types, idx, o.get("billingMode").asText(), o.get("read").asLong(), o.get("write").asLong(),
                o.get("created").asDouble(), o.get("billingModeChanged").asDouble());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
