package org.bianmin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.bianmin.support.PostgresIntegrationTest;
import org.bianmin.support.RegisteredCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 案件查询: a clerk finds a case by number, applicant name or the last digits of the ID number or phone, masked by role. */
class CaseSearchPostgresTest extends PostgresIntegrationTest {

    @RegisterExtension
    final RegisteredCases cases = RegisteredCases.eachTest(this::send, this::endInstance);

    @Test
    void findsByNumberNameAndLastDigitsMaskedForOtherWindows() {
        String id = RegisteredCases.idNumber("44030419790909456");
        String caseNumber = register(id, "13566667777");

        // the applicant's name (here with a rare surname, to be found alone)
        JsonNode byName = search("q=" + encode("欧阳查询"), "civil-a");
        assertThat(byName.path("total").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode item = first(byName, caseNumber);
        assertThat(item.path("itemName").asText()).isEqualTo("临时救助申请");
        assertThat(item.path("windowName").asText()).isEqualTo("民政窗口");
        assertThat(item.path("stateLabel").asText()).isEqualTo("办理中");
        assertThat(item.path("registeredByName").asText()).isEqualTo("张敏");
        // the registering clerk belongs to the case: in clear
        assertThat(item.path("applicant").path("idNumber").asText()).isEqualTo(id);
        assertThat(item.path("applicant").path("masked").asBoolean()).isFalse();

        // three characters anywhere in the name; one or two (a surname) at its start
        assertThat(first(search("q=" + encode("阳查询"), "civil-a"), caseNumber)).isNotNull();
        assertThat(first(search("q=" + encode("欧阳"), "civil-a"), caseNumber)).isNotNull();
        assertThat(search("q=" + encode("查询") + "&window=window-civil", "civil-a").path("items").toString()).doesNotContain(caseNumber);

        // the last digits of the ID number or of the phone, the case number
        assertThat(first(search("q=" + id.substring(12), "civil-a"), caseNumber)).isNotNull();
        assertThat(first(search("q=6667777", "civil-a"), caseNumber)).isNotNull();
        assertThat(first(search("q=" + caseNumber, "civil-a"), caseNumber)).isNotNull();
        // three digits are not enough to search personal numbers
        assertThat(search("q=777&window=window-civil", "civil-a").path("items").toString()).doesNotContain(caseNumber);

        // a clerk of another window finds it too, masked (enough to answer a first inquiry)
        HttpResponse<String> other = get("/api/cases?q=" + encode("欧阳查询"), "hrss-a", DEMO_PASSWORD);
        assertThat(other.body()).doesNotContain(id).doesNotContain("13566667777");
        assertThat(first(cases.read(other), caseNumber).path("applicant").path("masked").asBoolean()).isTrue();

        // filters and paging
        JsonNode filtered = search("q=" + encode("欧阳查询") + "&itemCode=MZ-002&window=window-civil&state=IN_PROGRESS"
                + "&from=2026-11-24&to=2026-11-24&size=1&page=0", "supervisor");
        assertThat(filtered.path("items")).hasSize(1);
        assertThat(search("q=" + encode("欧阳查询") + "&state=COMPLETED", "supervisor").path("total").asLong()).isZero();
        assertThat(search("q=" + encode("欧阳查询") + "&from=2026-11-25", "supervisor").path("total").asLong()).isZero();
    }

    @Test
    void badQueriesAreRefusedAndNamed() {
        for (String query : new String[] {"state=SOMETIMES", "from=2026-13-01", "from=0001-01-01", "size=1000", "page=-1",
                "q=" + "长".repeat(101)}) {
            HttpResponse<String> response = get("/api/cases?" + query.replace("长", encode("长")), "civil-a", DEMO_PASSWORD);
            assertThat(response.statusCode()).as(query + " -> " + response.body()).isEqualTo(400);
            assertThat(cases.read(response).path("message").asText()).contains(" / ");
        }
        assertThat(get("/api/cases?q=x", "ruleadmin", DEMO_PASSWORD).statusCode()).isEqualTo(403);
    }

    private String register(String id, String phone) {
        var application = cases.application("MZ-002", id, phone, "APPLICATION_FORM", "ID_CARD", "HARDSHIP_PROOF");
        ((com.fasterxml.jackson.databind.node.ObjectNode) application.path("applicant")).put("name", "欧阳查询");
        HttpResponse<String> response = send("POST", "/api/cases", application.toString(), "civil-a", DEMO_PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String caseNumber = cases.read(response).path("caseNumber").asText();
        cases.track(caseNumber);
        return caseNumber;
    }

    private JsonNode search(String query, String user) {
        HttpResponse<String> response = get("/api/cases?" + query, user, DEMO_PASSWORD);
        assertThat(response.statusCode()).as(query + " -> " + response.body()).isEqualTo(200);
        return cases.read(response);
    }

    private static JsonNode first(JsonNode answer, String caseNumber) {
        for (JsonNode item : answer.path("items")) {
            if (item.path("caseNumber").asText().equals(caseNumber)) {
                return item;
            }
        }
        throw new AssertionError(caseNumber + " not in " + answer);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
