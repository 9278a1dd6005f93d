package dev.keyhole.iam.evaluate;

import dev.keyhole.iam.request.RequestContext;
import java.util.List;

/** {@code IpAddress}/{@code NotIpAddress}: IPv4 and IPv6 addresses against CIDR blocks or single addresses. */
final class IpValues implements PolicyValues {

    private final Cidr[] blocks;

    private IpValues(Cidr[] blocks) {
        this.blocks = blocks;
    }

    static PolicyValues compile(List<String> raw) {
        return new IpValues(raw.stream().map(Cidr::parse).toArray(Cidr[]::new));
    }

    @Override
    public PolicyValues bind(RequestContext ctx) {
        return this;
    }

    @Override
    public int match(String v) {
        byte[] addr = Cidr.parseAddress(v.trim());
        if (addr == null) {
            return INVALID;
        }
        for (Cidr c : blocks) {
            if (c != null && c.contains(addr)) {
                return MATCH;
            }
        }
        return NO_MATCH;
    }
}
