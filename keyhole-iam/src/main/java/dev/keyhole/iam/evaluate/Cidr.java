package dev.keyhole.iam.evaluate;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A CIDR block ({@code 203.0.113.0/24}, {@code 2001:db8::/32}) or a single address (a /32 or /128).
 * Only numeric literals are read: nothing here ever resolves a host name.
 */
record Cidr(byte[] network, int prefix) {

    /** The block, or {@code null} when the text is not an address or CIDR. */
    static Cidr parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        byte[] addr = parseAddress(slash < 0 ? t : t.substring(0, slash));
        if (addr == null) {
            return null;
        }
        int bits = addr.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(t.substring(slash + 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (prefix < 0 || prefix > bits) {
                return null;
            }
        }
        return new Cidr(addr, prefix);
    }

    /** The bytes of an IPv4 or IPv6 literal, or {@code null}. */
    static byte[] parseAddress(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (s.indexOf(':') < 0) {
            return parseIpv4(s);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == ':' || c == '.' || Character.digit(c, 16) >= 0;
            if (!ok) {
                return null;
            }
        }
        try {
            // Only hex digits, colons and dots reach here, so this parses a literal and never does DNS.
            byte[] b = InetAddress.getByName(s).getAddress();
            return b.length == 16 ? b : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] parseIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    boolean contains(byte[] addr) {
        if (addr.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (addr[i] != network[i]) {
                return false;
            }
        }
        int rem = prefix % 8;
        if (rem == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rem)) & 0xFF;
        return (addr[full] & mask) == (network[full] & mask);
    }
}
