package dev.keyhole.iam.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Facts of the Service Authorization Reference, "Actions, resources, and condition keys for Amazon
 * DynamoDB", as the shipped catalog holds them.
 */
class CatalogTest {

    private final Catalog catalog = Catalog.aws();

    @Test
    void queryRequestsCarryLeadingKeysAndScanRequestsDoNot() {
        ActionInfo query = catalog.action("dynamodb:Query").orElseThrow();
        ActionInfo scan = catalog.action("DYNAMODB:scan").orElseThrow();
        assertThat(catalog.supports(query, "dynamodb:LeadingKeys")).isTrue();
        assertThat(catalog.supports(scan, "dynamodb:LeadingKeys")).isFalse();
        assertThat(catalog.supports(scan, "aws:RequestedRegion")).isTrue();
        assertThat(query.resourceTypes()).containsExactly("table", "index");
    }

    @Test
    void listTablesCannotBeScopedToAResource() {
        assertThat(catalog.action("dynamodb:ListTables").orElseThrow().resourceTypes()).isEmpty();
    }

    @Test
    void templatedGlobalKeysMatchAnyTagAndSetKeysAreMultivalued() {
        assertThat(catalog.key("aws:PrincipalTag/team")).hasValueSatisfying(k -> assertThat(k.type()).isEqualTo(KeyType.STRING));
        assertThat(catalog.key("aws:PrincipalTag/")).isEmpty();
        assertThat(catalog.key("dynamodb:leadingkeys")).hasValueSatisfying(k -> assertThat(k.type().multivalued()).isTrue());
        assertThat(catalog.key("aws:TagKeys")).hasValueSatisfying(k -> assertThat(k.absentGrantsNothing()).isTrue());
    }

    @Test
    void wildcardPatternsExpandCaseInsensitively() {
        assertThat(catalog.actionsMatching("dynamodb:batch*")).extracting(ActionInfo::name)
                .containsExactly("BatchGetItem", "BatchWriteItem");
        assertThat(catalog.actionsMatching("dynamodb:Qery*")).isEmpty();
    }

    @Test
    void coverageIsPatternInclusion() {
        assertThat(Wildcards.covers("dynamodb:*", "dynamodb:Get*", true)).isTrue();
        assertThat(Wildcards.covers("dynamodb:Get?tem", "dynamodb:Get*", true)).isFalse();
        assertThat(Wildcards.covers("a?", "a*", false)).isFalse();
        assertThat(Wildcards.covers("table/*", "table/Orders", false)).isTrue();
        assertThat(Wildcards.covers("table/Orders", "table/*", false)).isFalse();
    }
}
