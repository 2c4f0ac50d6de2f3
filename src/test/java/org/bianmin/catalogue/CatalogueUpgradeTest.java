package org.bianmin.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.bianmin.rules.RuleFile;
import org.junit.jupiter.api.Test;

/** An items table of the first release gains 容缺受理 and 告知承诺制 as columns with every item unmarked. */
class CatalogueUpgradeTest {

    @Test
    void theFirstReleasesItemsGainTheAddedColumnsUnmarkedAndStillParse() {
        String shipped = CatalogueService.bundled("items.csv");
        StringBuilder firstRelease = new StringBuilder();
        for (String line : shipped.split("\n")) {
            firstRelease.append(line, 0, line.lastIndexOf(',', line.lastIndexOf(',') - 1)).append('\n');
        }
        assertThat(firstRelease.toString()).doesNotContain("acceptOnPromise", "commitment");
        RuleFile file = new RuleFile("items.csv", firstRelease.toString().getBytes(StandardCharsets.UTF_8));

        String upgraded = new String(CatalogueRuleSet.withAddedColumns(file).content(), StandardCharsets.UTF_8);

        assertThat(upgraded.lines().findFirst().orElseThrow()).endsWith(",legalBasis,acceptOnPromise,commitment");
        assertThat(upgraded.lines().skip(1).filter(l -> !l.isBlank())).allSatisfy(l -> assertThat(l).endsWith(",false,false"));
        Catalogue catalogue = CatalogueParser.parse(upgraded, CatalogueService.bundled("materials.csv"));
        assertThat(catalogue.items()).noneMatch(ServiceItem::acceptOnPromise).noneMatch(ServiceItem::commitment);
        RuleFile again = new RuleFile("items.csv", upgraded.getBytes(StandardCharsets.UTF_8));
        assertThat(CatalogueRuleSet.withAddedColumns(again)).as("nothing more to add").isSameAs(again);
    }
}
