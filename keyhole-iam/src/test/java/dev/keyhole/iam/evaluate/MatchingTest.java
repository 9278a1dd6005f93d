package dev.keyhole.iam.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.iam.request.ContextValue;
import dev.keyhole.iam.request.RequestContext;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The building blocks of matching: wildcards, ARNs, policy variables, CIDRs and dates. */
class MatchingTest {

    @Test
    void starMatchesAnyRunIncludingSlashesAndQuestionMarkExactlyOneCharacter() {
        assertThat(Glob.of("table/Ord*").matches("table/Orders/index/byStatus")).isTrue();
        assertThat(Glob.of("dynamodb:Get?tem").matches("dynamodb:GetItem")).isTrue();
        assertThat(Glob.of("dynamodb:Get?tem").matches("dynamodb:GetIItem")).isFalse();
        assertThat(Glob.of("a*b*c").matches("aXXbYYbZZc")).isTrue();
        assertThat(Glob.of("a*b*c").matches("aXXbYYbZZ")).isFalse();
        assertThat(Glob.of("*").matches("")).isTrue();
        assertThat(Glob.of("").matches("x")).isFalse();
    }

    @Test
    void arnComponentsAreMatchedSeparatelyAndCaseSensitively() {
        ArnPattern p = new ArnPattern(Glob.of("arn:aws:dynamodb:*:111122223333:table/Orders*"));
        assertThat(p.matches(new Arn("arn:aws:dynamodb:eu-west-1:111122223333:table/Orders/index/x"))).isTrue();
        assertThat(p.matches(new Arn("arn:aws:dynamodb:eu-west-1:111122223333:table/orders"))).isFalse();
        assertThat(p.matches(new Arn("arn:aws:dynamodb:eu-west-1:999999999999:table/Orders"))).isFalse();
        // A star in the region component does not swallow the account component.
        ArnPattern regionOnly = new ArnPattern(Glob.of("arn:aws:dynamodb:*:table/Orders"));
        assertThat(regionOnly.matches(new Arn("arn:aws:dynamodb:eu-west-1:111122223333:table/Orders"))).isTrue();
        assertThat(new ArnPattern(Glob.of("*")).matches(new Arn("not-an-arn"))).isTrue();
    }

    @Test
    void policyVariablesResolveFromTheContextAndTheirValuesAreLiteral() {
        RequestContext ctx = RequestContext.builder().put("aws:username", "a*b").build();
        Glob g = Template.parse("arn:aws:s3:::bucket/${aws:username}/*", true).resolveGlob(ctx);
        assertThat(g.matches("arn:aws:s3:::bucket/a*b/file")).isTrue();
        assertThat(g.matches("arn:aws:s3:::bucket/aXXb/file")).isFalse();
    }

    @Test
    void defaultsEscapesAndMissingVariables() {
        RequestContext empty = RequestContext.empty();
        assertThat(Template.parse("${aws:PrincipalTag/team, 'none'}", true).resolveString(empty)).isEqualTo("none");
        assertThat(Template.parse("a${*}b${?}c${$}", true).resolveString(empty)).isEqualTo("a*b?c$");
        assertThat(Template.parse("${aws:username}", true).resolveString(empty)).isNull();
        assertThat(Template.parse("${aws:username}", false).resolveString(empty)).isEqualTo("${aws:username}");
        Glob escaped = Template.parse("x${*}", true).resolveGlob(empty);
        assertThat(escaped.matches("x*")).isTrue();
        assertThat(escaped.matches("xy")).isFalse();
    }

    @Test
    void multivaluedKeysCannotBeVariables() {
        RequestContext ctx = RequestContext.builder()
                .put("dynamodb:LeadingKeys", ContextValue.ofSet(java.util.List.of("a"))).build();
        assertThat(Template.parse("${dynamodb:LeadingKeys}", true).resolveString(ctx)).isNull();
    }

    @Test
    void cidrBlocksForIpv4AndIpv6() {
        assertThat(Cidr.parse("203.0.113.0/24").contains(Cidr.parseAddress("203.0.113.77"))).isTrue();
        assertThat(Cidr.parse("203.0.113.0/24").contains(Cidr.parseAddress("203.0.114.1"))).isFalse();
        assertThat(Cidr.parse("2001:db8::/32").contains(Cidr.parseAddress("2001:db8:1::5"))).isTrue();
        assertThat(Cidr.parse("2001:db8::/32").contains(Cidr.parseAddress("203.0.113.1"))).isFalse();
        assertThat(Cidr.parse("10.0.0.1").contains(Cidr.parseAddress("10.0.0.1"))).isTrue();
        assertThat(Cidr.parse("10.0.0.0/33")).isNull();
        assertThat(Cidr.parseAddress("example.com")).isNull();
        assertThat(Cidr.parseAddress("256.1.1.1")).isNull();
    }

    @Test
    void datesAcceptIso8601AndEpochSeconds() {
        Instant t = Instant.parse("2026-11-25T10:00:00Z");
        assertThat(DateValues.parse("2026-11-25T10:00:00Z")).isEqualTo(t);
        assertThat(DateValues.parse("2026-11-25T11:00:00+01:00")).isEqualTo(t);
        assertThat(DateValues.parse(Long.toString(t.getEpochSecond()))).isEqualTo(t);
        assertThat(DateValues.parse("2026-11-25")).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(DateValues.parse("2026-11-25T10:00:00")).isEqualTo(t);
        assertThat(DateValues.parse("yesterday")).isNull();
    }
}
