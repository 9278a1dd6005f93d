package dev.keyhole.drift.trail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Streams CloudTrail records out of JSON text with Jackson's token parser, reading only the fields
 * drift needs and skipping the rest without building them.
 *
 * <p>Accepts a delivered log file ({@code {"Records": [...]}}), a bare array of records, and a
 * sequence of records (JSON Lines), each possibly an EventBridge event with the record under
 * {@code detail}. Field names are matched case-insensitively. Only DynamoDB records are handed on;
 * the others are counted.
 */
final class RecordReader {

    static final ObjectMapper JSON = new ObjectMapper();

    private enum Field { IGNORED, RECORDS, DETAIL, EVENT_ID, EVENT_TIME, EVENT_SOURCE, EVENT_NAME, REGION, RECIPIENT_ACCOUNT,
        ERROR_CODE, USER_IDENTITY, REQUEST_PARAMETERS, TYPE, ARN, ACCOUNT_ID, ACCESS_KEY_ID, SESSION_CONTEXT,
        SOURCE_IDENTITY }

    private static final Map<String, Field> FIELDS = new HashMap<>();

    static {
        name(Field.RECORDS, "Records");
        name(Field.DETAIL, "detail");
        name(Field.EVENT_ID, "eventID");
        name(Field.EVENT_TIME, "eventTime");
        name(Field.EVENT_SOURCE, "eventSource");
        name(Field.EVENT_NAME, "eventName");
        name(Field.REGION, "awsRegion");
        name(Field.RECIPIENT_ACCOUNT, "recipientAccountId");
        name(Field.ERROR_CODE, "errorCode");
        name(Field.USER_IDENTITY, "userIdentity");
        name(Field.REQUEST_PARAMETERS, "requestParameters");
        name(Field.TYPE, "type");
        name(Field.ARN, "arn");
        name(Field.ACCOUNT_ID, "accountId");
        name(Field.ACCESS_KEY_ID, "accessKeyId");
        name(Field.SESSION_CONTEXT, "sessionContext");
        name(Field.SOURCE_IDENTITY, "sourceIdentity");
    }

    private static void name(Field f, String canonical) {
        FIELDS.put(canonical, f);
        FIELDS.put(canonical.toLowerCase(Locale.ROOT), f);
    }

    /** Names seen so far, known or not, so each distinct name is lower-cased once, not once per record. */
    private static final Map<String, Field> SEEN = new java.util.concurrent.ConcurrentHashMap<>();

    private static Field field(String name) {
        Field f = SEEN.get(name);
        if (f == null) {
            f = FIELDS.get(name);
            if (f == null) {
                f = FIELDS.getOrDefault(name.toLowerCase(Locale.ROOT), Field.IGNORED);
            }
            if (SEEN.size() < 10_000) {
                SEEN.put(name, f);
            }
        }
        return f;
    }

    private final String origin;
    private final Consumer<TrailEvent> sink;
    private long records;
    private TextBuffer copied;
    private com.fasterxml.jackson.core.JsonGenerator copier;

    RecordReader(String origin, Consumer<TrailEvent> sink) {
        this.origin = origin;
        this.sink = sink;
    }

    /** Records seen so far, DynamoDB or not. */
    long records() {
        return records;
    }

    /** Reads every record in {@code in}. */
    void read(InputStream in) throws IOException {
        try (JsonParser p = JSON.createParser(in)) {
            read(p);
        }
    }

    /** Reads every record in one line (or any JSON text). */
    void read(String text) throws IOException {
        try (JsonParser p = JSON.createParser(text)) {
            read(p);
        }
    }

    private void read(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != null) {
            if (t == JsonToken.START_ARRAY) {
                readArray(p);
            } else if (t == JsonToken.START_OBJECT) {
                readObject(p, true);
            } else {
                throw new IOException("expected a CloudTrail record (a JSON object), found " + t.asString()
                        + " at line " + p.currentLocation().getLineNr());
            }
        }
    }

    private void readArray(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                readObject(p, false);
            } else {
                p.skipChildren();
            }
        }
    }

    private void readObject(JsonParser p, boolean top) throws IOException {
        Draft d = new Draft();
        readFields(p, d, top);
        if (d.source != null || d.eventName != null || d.eventId != null) {
            records++;
            if (TrailEvent.DYNAMODB.equals(d.source)) {
                sink.accept(d.build(origin));
            }
        }
    }

    private void readFields(JsonParser p, Draft d, boolean top) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            Field f = field(p.currentName());
            JsonToken v = p.nextToken();
            // Once a record is known to be another service's, the rest of it is only skipped (most of a trail
            // is other services; eventSource comes early in CloudTrail's field order).
            if (f == Field.IGNORED || (d.otherService && f != Field.RECORDS && f != Field.DETAIL)) {
                p.skipChildren();
                continue;
            }
            switch (f) {
                case RECORDS -> {
                    if (top && v == JsonToken.START_ARRAY) {
                        readArray(p);
                    } else {
                        p.skipChildren();
                    }
                }
                case DETAIL -> {
                    if (v == JsonToken.START_OBJECT) {
                        readFields(p, d, false);
                    } else {
                        p.skipChildren();
                    }
                }
                case EVENT_ID -> d.eventId = text(p, v);
                case EVENT_TIME -> d.time = text(p, v);
                case EVENT_SOURCE -> {
                    // Compared where it lies in the parser's buffer: most records are read only this far, and
                    // DynamoDB's own need no copy of a name they all share.
                    if (v == JsonToken.VALUE_STRING && isDynamoDb(p)) {
                        d.source = TrailEvent.DYNAMODB;
                    } else {
                        d.source = text(p, v);
                        d.otherService = true;
                    }
                }
                case EVENT_NAME -> d.eventName = text(p, v);
                case REGION -> d.region = text(p, v);
                case RECIPIENT_ACCOUNT -> d.recipient = text(p, v);
                case ERROR_CODE -> d.errorCode = text(p, v);
                case USER_IDENTITY -> readIdentity(p, v, d);
                case REQUEST_PARAMETERS -> {
                    // eventSource comes before requestParameters in delivered files; when it does not,
                    // keep the tree and let build() drop it for other services.
                    if (v == JsonToken.START_OBJECT && (d.source == null || TrailEvent.DYNAMODB.equals(d.source))) {
                        d.params = copy(p);
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private static final char[] DYNAMODB = TrailEvent.DYNAMODB.toCharArray();

    private static boolean isDynamoDb(JsonParser p) throws IOException {
        if (p.getTextLength() != DYNAMODB.length) {
            return false;
        }
        return java.util.Arrays.equals(p.getTextCharacters(), p.getTextOffset(), p.getTextOffset() + DYNAMODB.length,
                DYNAMODB, 0, DYNAMODB.length);
    }

    /** The object at the parser as compact JSON text, through one reused generator. */
    private String copy(JsonParser p) throws IOException {
        if (copier == null) {
            copied = new TextBuffer();
            copier = JSON.createGenerator(copied);
            copier.setRootValueSeparator(null);
        }
        copied.text.setLength(0);
        copier.copyCurrentStructure(p);
        copier.flush();
        return copied.text.toString();
    }

    private static void readIdentity(JsonParser p, JsonToken v, Draft d) throws IOException {
        if (v != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            Field f = field(p.currentName());
            JsonToken t = p.nextToken();
            if (f == Field.TYPE) {
                d.identityType = text(p, t);
            } else if (f == Field.ARN) {
                d.arn = text(p, t);
            } else if (f == Field.ACCOUNT_ID) {
                d.callerAccount = text(p, t);
            } else if (f == Field.ACCESS_KEY_ID) {
                d.accessKeyId = text(p, t);
            } else if (f == Field.SESSION_CONTEXT && t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    Field g = field(p.currentName());
                    JsonToken u = p.nextToken();
                    if (g == Field.SOURCE_IDENTITY) {
                        d.sourceIdentity = text(p, u);
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }

    /** Where the generator writes: a plain builder (a {@link java.io.StringWriter} locks on every write). */
    private static final class TextBuffer extends java.io.Writer {
        final StringBuilder text = new StringBuilder(512);

        @Override
        public void write(char[] buf, int off, int len) {
            text.append(buf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            text.append(str, off, off + len);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** A record being read. */
    private static final class Draft {
        boolean otherService;
        String eventId;
        String time;
        String source;
        String eventName;
        String region;
        String recipient;
        String errorCode;
        String identityType;
        String arn;
        String callerAccount;
        String accessKeyId;
        String sourceIdentity;
        String params;

        TrailEvent build(String origin) {
            return new TrailEvent(eventId, time == null ? null : EventTimes.parse(time), source, eventName, region,
                    recipient != null ? recipient : callerAccount,
                    new TrailEvent.Identity(identityType, arn, accessKeyId, sourceIdentity), errorCode, params, origin);
        }
    }
}
