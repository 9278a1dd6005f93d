package dev.keyhole.local.dynamodb;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact binary form of an item on disk: a count, then per attribute its name and a tagged value.
 * Numbers are stored as scale and unscaled bytes, strings as UTF-8, all lengths as varints.
 */
final class ItemCodec {

    private static final int S = 1, N = 2, B = 3, BOOL_FALSE = 4, BOOL_TRUE = 5, NULL = 6, SS = 7, NS = 8, BS = 9,
            L = 10, M = 11;

    private ItemCodec() {}

    static byte[] encode(Map<String, Av> item) {
        Out out = new Out(64);
        writeMap(item, out);
        return out.toByteArray();
    }

    static Map<String, Av> decode(byte[] bytes) {
        return readMap(new In(bytes));
    }

    private static void writeMap(Map<String, Av> map, Out out) {
        out.varint(map.size());
        for (Map.Entry<String, Av> e : map.entrySet()) {
            out.string(e.getKey());
            write(e.getValue(), out);
        }
    }

    private static void write(Av v, Out out) {
        switch (v) {
            case Av.S s -> { out.write(S); out.string(s.v()); }
            case Av.N n -> { out.write(N); number(n.v(), out); }
            case Av.B b -> { out.write(B); out.bytes(b.v()); }
            case Av.Bool b -> out.write(b.v() ? BOOL_TRUE : BOOL_FALSE);
            case Av.Null x -> out.write(NULL);
            case Av.SS s -> { out.write(SS); out.varint(s.v().size()); s.v().forEach(out::string); }
            case Av.NS s -> { out.write(NS); out.varint(s.v().size()); s.v().forEach(x -> number(x, out)); }
            case Av.BS s -> { out.write(BS); out.varint(s.v().size()); s.v().forEach(out::bytes); }
            case Av.L l -> { out.write(L); out.varint(l.v().size()); l.v().forEach(x -> write(x, out)); }
            case Av.M m -> { out.write(M); writeMap(m.v(), out); }
        }
    }

    private static void number(BigDecimal d, Out out) {
        out.varint(d.scale() + 200); // scale in [-126-38, 130+38]
        out.bytes(d.unscaledValue().toByteArray());
    }

    private static BigDecimal number(In in) {
        int scale = in.varint() - 200;
        return new BigDecimal(new BigInteger(in.bytes()), scale);
    }

    private static Map<String, Av> readMap(In in) {
        int n = in.varint();
        Map<String, Av> map = new LinkedHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            String name = in.string();
            map.put(name, read(in));
        }
        return map;
    }

    private static Av read(In in) {
        int tag = in.read();
        return switch (tag) {
            case S -> new Av.S(in.string());
            case N -> new Av.N(number(in));
            case B -> new Av.B(in.bytes());
            case BOOL_TRUE -> new Av.Bool(true);
            case BOOL_FALSE -> new Av.Bool(false);
            case NULL -> Av.Null.INSTANCE;
            case SS -> { int n = in.varint(); List<String> l = new ArrayList<>(n); for (int i = 0; i < n; i++) l.add(in.string()); yield new Av.SS(l); }
            case NS -> { int n = in.varint(); List<BigDecimal> l = new ArrayList<>(n); for (int i = 0; i < n; i++) l.add(number(in)); yield new Av.NS(l); }
            case BS -> { int n = in.varint(); List<byte[]> l = new ArrayList<>(n); for (int i = 0; i < n; i++) l.add(in.bytes()); yield new Av.BS(l); }
            case L -> { int n = in.varint(); List<Av> l = new ArrayList<>(n); for (int i = 0; i < n; i++) l.add(read(in)); yield new Av.L(l); }
            case M -> new Av.M(readMap(in));
            default -> throw new IllegalStateException("corrupt item: tag " + tag);
        };
    }

    private static final class Out extends ByteArrayOutputStream {
        Out(int size) { super(size); }

        void varint(int v) {
            while ((v & ~0x7F) != 0) {
                write((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            write(v);
        }

        void bytes(byte[] b) {
            varint(b.length);
            write(b, 0, b.length);
        }

        void string(String s) {
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] buf) { this.buf = buf; }

        int read() { return buf[pos++] & 0xFF; }

        int varint() {
            int shift = 0;
            int v = 0;
            while (true) {
                int b = read();
                v |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) return v;
                shift += 7;
            }
        }

        byte[] bytes() {
            int n = varint();
            byte[] out = java.util.Arrays.copyOfRange(buf, pos, pos + n);
            pos += n;
            return out;
        }

        String string() {
            int n = varint();
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }
    }
}
