package org.bianmin.cases.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.bianmin.catalogue.CaseType;
import org.bianmin.catalogue.CatalogueService;
import org.bianmin.catalogue.Material;
import org.bianmin.catalogue.ServiceItem;
import org.bianmin.cases.Disposition;
import org.bianmin.rules.RuleCompiler;
import org.bianmin.rules.RuleEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled classification and time-limit tables, compiled by real Drools, on the demo catalogue. */
class ClassificationRulesTest {

    static Classifier classifier;
    static CatalogueService catalogue;

    @BeforeAll
    static void compileRules() {
        classifier = new Classifier(RuleEngine.withBundled(new RuleCompiler(), "classification", "time-limits"));
        catalogue = new CatalogueService();
    }

    static ServiceItem item(String code) {
        return catalogue.find(code).orElseThrow();
    }

    static Set<String> all(ServiceItem item) {
        return item.materials().stream().map(Material::code).collect(Collectors.toSet());
    }

    static Set<String> allBut(ServiceItem item, String missing) {
        Set<String> codes = all(item);
        codes.remove(missing);
        return codes;
    }

    static Classification classify(ServiceItem item, Set<String> materials, boolean lawful, boolean consultation,
                                   boolean petition, boolean major) {
        return classifier.classify(new Classifier.Application(item, materials, lawful, consultation, petition, major));
    }

    static Classification complete(String code) {
        ServiceItem item = item(code);
        return classify(item, all(item), true, false, false, false);
    }

    @Test
    void consultationOnlyIsAConsultationWhateverIsMissing() {
        Classification c = classify(item("MZ-001"), Set.of(), false, true, false, false);
        assertThat(c.disposition()).isEqualTo(Disposition.CONSULTATION);
        assertThat(c.caseType()).isNull();
        assertThat(c.timeLimit()).isNull();
        assertThat(c.firedRules()).first().isEqualTo("咨询件");
    }

    @Test
    void unlawfulRequestIsReturnedWithReasonAndBasis() {
        ServiceItem item = item("SJ-002");
        Classification c = classify(item, all(item), false, false, false, false);
        assertThat(c.disposition()).isEqualTo(Disposition.RETURNED);
        assertThat(c.reason()).contains("不符合法定条件");
        assertThat(c.basis()).contains("行政许可法");
        assertThat(c.missingMaterials()).isEmpty();
    }

    @Test
    void oneMainMaterialMissingIsReturnedNamingIt() {
        ServiceItem item = item("MZ-001");
        Classification c = classify(item, allBut(item, "HOUSEHOLD_REGISTER"), true, false, false, false);
        assertThat(c.disposition()).isEqualTo(Disposition.RETURNED);
        assertThat(c.reason()).isEqualTo("申报材料缺少主件: 户口簿");
        assertThat(c.missingMaterials()).extracting(Material::code).containsExactly("HOUSEHOLD_REGISTER");
    }

    @Test
    void oneGeneralMaterialMissingIsASupplementNamingIt() {
        ServiceItem item = item("MZ-001");
        Classification c = classify(item, allBut(item, "PHOTO"), true, false, false, false);
        assertThat(c.disposition()).isEqualTo(Disposition.SUPPLEMENT);
        assertThat(c.caseType()).isEqualTo(CaseType.COMMITTED);
        assertThat(c.missingMaterials()).extracting(Material::code).containsExactly("PHOTO");
        assertThat(c.timeLimit().days()).isEqualTo(15);
    }

    @Test
    void supplementNamesEveryMissingGeneralMaterialAtOnce() {
        ServiceItem item = item("SJ-002");
        Classification c = classify(item, Set.of("APPLICATION_FORM", "BUSINESS_LICENSE"), true, false, false, false);
        assertThat(c.disposition()).isEqualTo(Disposition.SUPPLEMENT);
        assertThat(c.missingMaterials()).extracting(Material::code).containsExactly("LAYOUT_PLAN", "SAFETY_RULES");
        assertThat(c.reason()).contains("经营场所平面图及设备布局图、食品安全管理制度文本");
    }

    @Test
    void mainAndGeneralMissingTogetherIsReturned() {
        ServiceItem item = item("SJ-002");
        Classification c = classify(item, Set.of("APPLICATION_FORM"), true, false, false, false);
        assertThat(c.disposition()).isEqualTo(Disposition.RETURNED);
        assertThat(c.missingMaterials()).extracting(Material::code).containsExactly("BUSINESS_LICENSE");
    }

    @Test
    void completeImmediateItemIsImmediateWithThirtyWorkingMinutes() {
        Classification c = complete("SJ-001");
        assertThat(c.disposition()).isEqualTo(Disposition.ACCEPTED);
        assertThat(c.caseType()).isEqualTo(CaseType.IMMEDIATE);
        assertThat(c.timeLimit().minutes()).isEqualTo(30);
        assertThat(c.timeLimit().days()).isNull();
        assertThat(c.timeLimit().warnMinutesLeft()).isEqualTo(10);
        assertThat(c.firedRules()).containsExactly("材料齐全受理", "当场办结", "即办件");
    }

    @Test
    void committedItemTakesItsPromisedLimit() {
        Classification c = complete("SJ-002");
        assertThat(c.caseType()).isEqualTo(CaseType.COMMITTED);
        assertThat(c.timeLimit().days()).isEqualTo(10);
        assertThat(c.timeLimit().warnPercent()).isEqualTo(80);
        assertThat(c.timeLimit().warnDaysLeft()).isEqualTo(1);
        assertThat(c.timeLimit().handoverMinutes()).isEqualTo(225);
        assertThat(c.timeLimit().extensionMaxDays()).isEqualTo(10);
    }

    @Test
    void districtApprovalIsForwarded() {
        Classification c = complete("RS-004");
        assertThat(c.caseType()).isEqualTo(CaseType.FORWARDED);
        assertThat(c.timeLimit().days()).isEqualTo(20);
    }

    @Test
    void twoDepartmentsMakeAJointCase() {
        Classification c = complete("ZH-001");
        assertThat(c.caseType()).isEqualTo(CaseType.JOINT);
        assertThat(c.timeLimit().days()).isEqualTo(10);
    }

    @Test
    void petitionsHaveTenWorkingDaysOrThirtyWhenMajor() {
        ServiceItem item = item("XF-001");
        Classification general = classify(item, Set.of(), true, false, true, false);
        assertThat(general.disposition()).isEqualTo(Disposition.ACCEPTED);
        assertThat(general.caseType()).isEqualTo(CaseType.PETITION);
        assertThat(general.timeLimit().days()).isEqualTo(10);
        Classification major = classify(item, Set.of(), true, false, true, true);
        assertThat(major.timeLimit().days()).isEqualTo(30);
    }

    @Test
    void petitionFlagOnAnOrdinaryItemMakesAPetition() {
        ServiceItem item = item("MZ-002");
        Classification c = classify(item, all(item), true, false, true, false);
        assertThat(c.caseType()).isEqualTo(CaseType.PETITION);
    }

    @Test
    void everyCaseTypeOfTheDemoCatalogueIsReachable() {
        assertThat(catalogue.catalogue().items().stream()
                .filter(i -> !i.caseType().equals(CaseType.PETITION))
                .map(i -> complete(i.code()).caseType()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(CaseType.IMMEDIATE, CaseType.COMMITTED, CaseType.FORWARDED, CaseType.JOINT);
    }

    @Test
    void theCasesRecordWhichRuleVersionsDecided() {
        Classification c = complete("SJ-002");
        assertThat(c.classificationVersion()).startsWith("bundled-");
        assertThat(c.timeLimitVersion()).startsWith("bundled-");
    }
}
