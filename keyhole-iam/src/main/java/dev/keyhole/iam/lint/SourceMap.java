package dev.keyhole.iam.lint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** Where each JSON pointer of a document starts in its text (1-based line and column). */
public final class SourceMap {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Map<String, int[]> starts;

    private SourceMap(Map<String, int[]> starts) {
        this.starts = starts;
    }

    /** Maps a document; text that is not JSON maps only as far as it reads. */
    public static SourceMap of(String json) {
        Map<String, int[]> starts = new HashMap<>();
        starts.put("", new int[] {1, 1});
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                JsonStreamContext ctx = p.getParsingContext();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    ctx = ctx.getParent();
                }
                if (ctx == null || ctx.inRoot()) {
                    continue;
                }
                String ptr = ctx.pathAsPointer().toString();
                var loc = p.currentTokenLocation();
                starts.putIfAbsent(ptr, new int[] {loc.getLineNr(), loc.getColumnNr()});
            }
        } catch (IOException e) {
            // keep what was read: a finding in the unreadable part points at its nearest readable parent
        }
        return new SourceMap(starts);
    }

    /** The line and column of the pointer, or of its nearest mapped parent. */
    public int[] locate(String pointer) {
        String p = pointer;
        while (true) {
            int[] at = starts.get(p);
            if (at != null) {
                return at;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return new int[] {1, 1};
            }
            p = p.substring(0, slash);
        }
    }
}
