package org.bianmin.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bianmin.accountability.AccountabilityTestSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 on real PostgreSQL, over REST with HTTP Basic: discipline events recorded by a supervisor
 * become the month's score sheet (the seeds' example: two late arrivals and one absence from the
 * post over 30 minutes give 97.5), every line naming its event and rule row; computing is
 * idempotent, supervisors correct a draft with a reason, publishing freezes it; CSV and Excel
 * exports; the annual score is the mean of the monthly scores; windows are ranked by the table.
 * Works in May 2026 (no other test uses it) with the engine clock at Tuesday 2026-06-02 10:00.
 */
class AssessmentPostgresTest extends AccountabilityTestSupport {

    static final String MONTH = "2026-05";
    static final String CLERK = "clerk2";

    @BeforeEach
    void fixClock() {
        ClockUtil.setCurrentTime(Date.from(at("2026-06-02T10:00")));
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void badDisciplineEventsAreRefusedAndNothingIsStored() {
        long events = count("discipline_event");
        long records = count("accountability_record");
        String ok = "2026-05-06T08:45:00+08:00";

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("staff", object().put("staff", "nobody").put("type", "LATE").put("occurredAt", ok).toString());
        refused.put("staff ", object().putNull("staff").put("type", "LATE").put("occurredAt", ok).toString());
        refused.put("type", object().put("staff", CLERK).put("type", "SLEEPING").put("occurredAt", ok).toString());
        refused.put("type ", object().put("staff", CLERK).put("type", "late").put("occurredAt", ok).toString());
        refused.put("occurredAt", object().put("staff", CLERK).put("type", "LATE")
                .put("occurredAt", "2026-06-03T09:00:00+08:00").toString()); // the day after the engine's now
        refused.put("occurredAt ", object().put("staff", CLERK).put("type", "LATE").put("occurredAt", "2026-05-06 08:45").toString());
        refused.put("occurredAt  ", object().put("staff", CLERK).put("type", "LATE").put("occurredAt", "2026-05-06T08:45:00").toString());
        refused.put("occurredAt   ", object().put("staff", CLERK).put("type", "LATE").toString());
        refused.put("note", object().put("staff", CLERK).put("type", "LATE").put("occurredAt", ok).put("note", "迟".repeat(501)).toString());
        refused.forEach((field, body) -> {
            JsonNode error = assertError(post("/api/discipline-events", body, "supervisor"), 400, "INVALID_FIELD");
            assertThat(error.path("message").asText()).as(body).startsWith(field.strip() + ":");
        });
        assertError(post("/api/discipline-events", "{not json", "supervisor"), 400, null);

        // only supervisors and directors record events
        String valid = object().put("staff", CLERK).put("type", "LATE").put("occurredAt", ok).toString();
        assertError(post("/api/discipline-events", valid, "clerk"), 403, null);
        assertError(post("/api/discipline-events", valid, CLERK), 403, null);
        assertThat(count("discipline_event")).as("nothing stored").isEqualTo(events);
        assertThat(count("accountability_record")).isEqualTo(records);

        // the month must be a month, in the past, and only assessors compute it
        assertError(post("/api/assessments/2026-13/run", "", "supervisor"), 400, "INVALID_FIELD");
        assertError(post("/api/assessments/2026-07/run", "", "supervisor"), 400, "INVALID_FIELD");
        assertError(post("/api/assessments/" + MONTH + "/run", "", CLERK), 403, null);
        assertError(get("/api/assessments/2001-01", "supervisor", DEMO_PASSWORD), 404, "NOT_COMPUTED");
        assertError(get("/api/assessments/0000-01", "supervisor", DEMO_PASSWORD), 400, "INVALID_FIELD");
        assertThat(jdbc.queryForObject("select count(*) from assessment_month where assessed_month in ('2026-07', '2026-13')",
                Long.class)).isZero();
    }

    @Test
    void twoLateArrivalsAndAnAbsenceOverThirtyMinutesGive97point5TracedToEventsAndRules() throws IOException {
        // ---- the seeds' example, recorded by a supervisor
        long late1 = discipline(CLERK, "LATE", "2026-05-06T08:45:00+08:00", "8:45到岗");
        long late2 = discipline(CLERK, "LATE", "2026-05-12T08:50:00+08:00", null);
        long offPost = discipline(CLERK, "OFF_POST_OVER_30MIN", "2026-05-20T14:10:00+08:00", "离岗40分钟");
        assertThat(jdbc.queryForObject("select count(*) from accountability_record where event_source = 'DISCIPLINE' and event_id in (?, ?, ?)",
                Long.class, late1, late2, offPost)).as("attendance alone proposes no accountability").isZero();

        JsonNode draft = postJson("/api/assessments/" + MONTH + "/run", "", "supervisor", 200);
        assertThat(draft.path("month").asText()).isEqualTo(MONTH);
        assertThat(draft.path("state").asText()).isEqualTo("DRAFT");
        String version = draft.path("ruleVersion").asText();
        assertThat(version).isNotBlank();
        JsonNode sheet = getJson("/api/assessments/" + MONTH, "supervisor");
        assertThat(sheet).isEqualTo(draft);

        JsonNode clerk2 = staffEntry(sheet, CLERK);
        assertThat(clerk2.path("score").decimalValue()).isEqualByComparingTo("97.5");
        assertThat(clerk2.path("window").asText()).isEqualTo("window-general");
        assertThat(clerk2.path("name").asText()).isEqualTo("李强");
        JsonNode lines = clerk2.path("lines");
        assertThat(lines).hasSize(3);
        Map<Long, String> ruleOf = Map.of(late1, "迟到", late2, "迟到", offPost, "离岗超过半小时");
        Map<Long, String> pointsOf = Map.of(late1, "-1", late2, "-1", offPost, "-0.5");
        for (JsonNode line : lines) {
            long event = line.path("sourceId").asLong();
            assertThat(line.path("source").asText()).isEqualTo("DISCIPLINE");
            assertThat(ruleOf).as("line names its event: %s", line).containsKey(event);
            assertThat(line.path("rule").asText()).as("line names its rule row").isEqualTo(version + " / " + ruleOf.get(event));
            assertThat(line.path("points").decimalValue()).isEqualByComparingTo(pointsOf.get(event));
            assertThat(line.path("description").asText()).isNotBlank();
            assertThat(line.path("occurredAt").asText()).isNotBlank();
        }
        assertThat(lines.findValuesAsText("type")).containsExactly("LATE", "LATE", "OFF_POST_OVER_30MIN");
        // everybody else at the window and elsewhere: base 100 unless something happened to them
        assertThat(staffEntry(sheet, "market-a").path("score").decimalValue()).isEqualByComparingTo("100");
        assertThat(staffEntry(sheet, "market-a").path("lines")).isEmpty();
        assertThat(sheet.path("staff").findValuesAsText("staff")).doesNotContain("supervisor", "director", "admin");

        // ---- windows: the mean of their staff, ranked by the table
        assertRankingFollowsTheTable(sheet);
        JsonNode general = windowEntry(sheet, "window-general");
        BigDecimal clerk = staffEntry(sheet, "clerk").path("score").decimalValue();
        assertThat(general.path("score").decimalValue()).isEqualByComparingTo(
                clerk.add(new BigDecimal("97.5")).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
        assertThat(general.path("name").asText()).isEqualTo("综合受理窗口");
        int windows = sheet.path("windows").size();
        if (clerk.compareTo(new BigDecimal("100")) == 0 && windows == 7) {
            // the only window below 100: last of seven, no red flag, loses the month's award eligibility; the six
            // tied for first share the place, and no red flag is given where nothing tells them apart
            assertThat(general.path("rank").asInt()).isEqualTo(7);
            assertThat(general.path("redFlag").asBoolean()).isFalse();
            assertThat(general.path("awardEligible").asBoolean()).isFalse();
            assertThat(windowEntry(sheet, "window-market").path("rank").asInt()).isEqualTo(1);
            assertThat(windowEntry(sheet, "window-market").path("redFlag").asBoolean()).isFalse();
        }

        // ---- idempotent: the same result twice, and again later
        HttpResponse<String> again = post("/api/assessments/" + MONTH + "/run", "", "supervisor");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(read(again)).as("run twice: identical sheet").isEqualTo(draft);
        assertThat(again.body()).isEqualTo(post("/api/assessments/" + MONTH + "/run", "", "director").body());
        ClockUtil.setCurrentTime(Date.from(at("2026-06-02T11:00")));
        JsonNode later = postJson("/api/assessments/" + MONTH + "/run", "", "supervisor", 200);
        assertThat(later.path("staff")).isEqualTo(draft.path("staff"));
        assertThat(later.path("windows")).isEqualTo(draft.path("windows"));
        assertThat(jdbc.queryForObject("select count(*) from assessment_line where assessed_month = ? and staff = ?",
                Long.class, MONTH, CLERK)).as("lines replaced, not added").isEqualTo(3);
        // a draft is the assessors' own: staff read it once it is published
        assertError(get("/api/assessments/" + MONTH, CLERK, DEMO_PASSWORD), 404, "NOT_PUBLISHED");

        // ---- corrections: with a reason only, then the score changes
        assertError(post("/api/assessments/" + MONTH + "/corrections",
                object().put("staff", CLERK).put("points", 1).toString(), "supervisor"), 400, "INVALID_FIELD");
        assertError(post("/api/assessments/" + MONTH + "/corrections",
                object().put("staff", CLERK).put("points", 1).put("reason", "  ").toString(), "supervisor"), 400, "INVALID_FIELD");
        assertError(post("/api/assessments/" + MONTH + "/corrections",
                object().put("staff", CLERK).put("points", 0).put("reason", "无").toString(), "supervisor"), 400, "INVALID_FIELD");
        assertError(post("/api/assessments/" + MONTH + "/corrections",
                object().put("staff", "nobody").put("points", 1).put("reason", "补录").toString(), "supervisor"), 400, "INVALID_FIELD");
        assertError(post("/api/assessments/" + MONTH + "/corrections",
                object().put("staff", CLERK).put("points", 1).put("reason", "补录").toString(), CLERK), 403, null);
        assertThat(staffEntry(getJson("/api/assessments/" + MONTH, "supervisor"), CLERK).path("score").decimalValue())
                .as("refused corrections change nothing").isEqualByComparingTo("97.5");
        JsonNode corrected = postJson("/api/assessments/" + MONTH + "/corrections",
                object().put("staff", CLERK).put("points", 0.5).put("reason", "5月20日离岗系奉命送件, 核减").toString(), "supervisor", 200);
        JsonNode correctedClerk = staffEntry(corrected, CLERK);
        assertThat(correctedClerk.path("score").decimalValue()).isEqualByComparingTo("98.0");
        JsonNode correction = correctedClerk.path("lines").get(3);
        assertThat(correction.path("source").asText()).isEqualTo("CORRECTION");
        assertThat(correction.path("points").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(correction.path("description").asText()).contains("奉命送件", "周平").doesNotContain("supervisor");
        assertRankingFollowsTheTable(corrected);
        // a correction survives a new run of the draft
        assertThat(staffEntry(postJson("/api/assessments/" + MONTH + "/run", "", "supervisor", 200), CLERK)
                .path("score").decimalValue()).isEqualByComparingTo("98.0");

        // ---- exports
        HttpResponse<byte[]> csv = download("/api/assessments/" + MONTH + "/export.csv", "supervisor");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("assessment-" + MONTH + ".csv");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF2026年5月 窗口工作人员月度考核汇总表\r\n状态: 草稿(未发布); 生成时间: 2026-06-02 11:00; 依据规则: ")
                .contains("\r\n类型,姓名/窗口,窗口,得分,名次,红旗窗口,评优资格,加扣分,说明,依据规则\r\n");
        assertThat(text).contains("个人,李强,综合受理窗口,98.00")
                .contains(version + " / 迟到", version + " / 离岗超过半小时", "-0.50", "奉命送件")
                .contains("窗口,综合受理窗口,综合受理窗口,").doesNotContain(CLERK + ",", "window-general");
        assertThat(download("/api/assessments/" + MONTH + "/export.csv", CLERK).statusCode()).isEqualTo(403);

        HttpResponse<byte[]> xlsx = download("/api/assessments/" + MONTH + "/export.xlsx", "director");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow()).contains("assessment-" + MONTH + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet people = workbook.getSheet("个人得分");
            Sheet ranking = workbook.getSheet("窗口排名");
            assertThat(people).isNotNull();
            assertThat(ranking).isNotNull();
            for (Sheet each : List.of(people, ranking)) {
                assertThat(cells(each.getRow(0))).containsExactly("2026年5月 窗口工作人员月度考核汇总表");
                assertThat(cells(each.getRow(1)).get(0)).startsWith("状态: 草稿(未发布); 生成时间: 2026-06-02 11:00");
            }
            assertThat(cells(people.getRow(3))).containsExactly("姓名", "窗口", "得分", "加扣分", "说明", "依据规则");
            assertThat(cells(ranking.getRow(3))).containsExactly("名次", "窗口", "得分", "红旗窗口", "评优资格");
            assertThat(people.getColumnWidth(4)).as("the description column is wide enough to read").isGreaterThan(20 * 256);
            List<String> clerkRow = null;
            List<List<String>> clerkLines = new ArrayList<>();
            for (Row row : people) {
                List<String> cells = cells(row);
                if (row.getRowNum() > 3 && cells.get(0).equals("李强") && cells.size() > 2 && !cells.get(2).isEmpty()) {
                    clerkRow = cells;
                } else if (row.getRowNum() > 3 && cells.get(0).equals("李强")) {
                    clerkLines.add(cells);
                }
            }
            assertThat(clerkRow).isNotNull();
            assertThat(clerkRow.get(1)).isEqualTo("综合受理窗口");
            assertThat(clerkRow.get(2)).isEqualTo("98.0");
            assertThat(clerkLines).hasSize(4);
            assertThat(clerkLines.stream().map(l -> l.get(5)).toList())
                    .contains(version + " / 迟到", version + " / 离岗超过半小时");
            assertThat(ranking.getPhysicalNumberOfRows()).as("title, state, headers and the windows").isEqualTo(windows + 3);
        }

        // ---- publish: frozen
        assertError(post("/api/assessments/" + MONTH + "/publish", "", CLERK), 403, null);
        JsonNode published = postJson("/api/assessments/" + MONTH + "/publish", "", "supervisor", 200);
        assertThat(published.path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(published.path("publishedBy").asText()).isEqualTo("supervisor");
        assertThat(published.path("publishedAt").asText()).isNotBlank();
        assertThat(published.path("staff")).isEqualTo(corrected.path("staff"));
        discipline(CLERK, "COMMENDATION", "2026-05-28T10:00:00+08:00", "published months do not move");
        ClockUtil.setCurrentTime(Date.from(at("2026-06-03T09:00")));
        HttpResponse<String> rerun = post("/api/assessments/" + MONTH + "/run", "", "supervisor");
        assertThat(rerun.statusCode()).isEqualTo(200);
        assertThat(read(rerun)).as("a published month is returned unchanged").isEqualTo(published);
        assertThat(getJson("/api/assessments/" + MONTH, "supervisor")).isEqualTo(published);
        assertError(post("/api/assessments/" + MONTH + "/corrections",
                object().put("staff", CLERK).put("points", 1).put("reason", "发布后补录").toString(), "supervisor"), 409, "ALREADY_PUBLISHED");
        assertError(post("/api/assessments/" + MONTH + "/publish", "", "supervisor"), 409, "ALREADY_PUBLISHED");
        assertThat(staffEntry(getJson("/api/assessments/" + MONTH, "supervisor"), CLERK).path("score").decimalValue())
                .isEqualByComparingTo("98.0");
        // published: a clerk reads his own line (and the ranking), nobody else's
        JsonNode own = getJson("/api/assessments/" + MONTH, CLERK);
        assertThat(own.path("staff").findValuesAsText("staff")).containsExactly(CLERK);
        assertThat(own.path("title").asText()).isEqualTo("2026年5月 窗口工作人员月度考核汇总表");
        assertThat(own.path("stateLabel").asText()).isEqualTo("已发布");
        assertThat(own.path("windows")).isEqualTo(published.path("windows"));

        // ---- 申诉: within the limit, one open at a time, answered by a supervisor in Tasklist; upheld, it corrects the month
        assertError(post("/api/assessments/" + MONTH + "/appeals", object().put("text", " ").toString(), CLERK), 400, "INVALID_FIELD");
        JsonNode appeal = postJson("/api/assessments/" + MONTH + "/appeals",
                object().put("text", "5月12日迟到系参加区政务服务培训, 有签到表").toString(), CLERK, 201);
        assertThat(appeal.path("state").asText()).isEqualTo("SUBMITTED");
        assertThat(appeal.path("staffName").asText()).isEqualTo("李强");
        assertError(post("/api/assessments/" + MONTH + "/appeals", object().put("text", "再次申诉").toString(), CLERK), 409,
                "APPEAL_PENDING");
        assertThat(getJson("/api/assessments/" + MONTH + "/appeals", "clerk").findValuesAsText("staff")).doesNotContain(CLERK);
        org.camunda.bpm.engine.task.Task answer = tasks.createTaskQuery().processDefinitionKey("assessment-appeal")
                .processInstanceBusinessKey("申诉-" + appeal.path("id").asLong()).singleResult();
        assertThat((String) tasks.getVariable(answer.getId(), "caseSummary")).contains("李强", "区政务服务培训", "98");
        assertThatThrownBy(() -> completeAs(CLERK, answer, Map.of("upheld", "true", "points", 1, "answer", "本人申诉")))
                .as("a clerk does not answer appeals");
        completeAs("supervisor", answer, Map.of("upheld", "true", "points", 1, "answer", "经核实系参加培训, 不计迟到"));
        JsonNode decided = getJson("/api/assessments/" + MONTH + "/appeals", CLERK).get(0);
        assertThat(decided.path("state").asText()).isEqualTo("UPHELD");
        assertThat(decided.path("decidedByName").asText()).isEqualTo("周平");
        assertThat(staffEntry(getJson("/api/assessments/" + MONTH, CLERK), CLERK).path("score").decimalValue())
                .as("the upheld appeal corrects the published month").isEqualByComparingTo("99.0");
        ClockUtil.setCurrentTime(Date.from(at("2026-06-12T09:00")));
        assertError(post("/api/assessments/" + MONTH + "/appeals", object().put("text", "逾期申诉").toString(), CLERK), 409,
                "APPEAL_CLOSED");
        ClockUtil.setCurrentTime(Date.from(at("2026-06-03T09:00")));

        // ---- annual score: the mean of the year's published monthly scores, saying which months it rests on
        JsonNode annual = getJson("/api/assessments/years/2026", "supervisor");
        List<String> months = jdbc.queryForList("select assessed_month from assessment_month where assessed_month like '2026-%' "
                + "and state = 'PUBLISHED' order by assessed_month", String.class);
        assertThat(months).contains(MONTH);
        assertThat(annual.path("publishedMonths")).extracting(JsonNode::asText).containsExactlyElementsOf(months);
        assertThat(annual.path("note").asText()).contains("按2026年已发布的" + months.size() + "个月平均");
        List<String> drafts = jdbc.queryForList("select assessed_month from assessment_month where assessed_month like '2026-%' "
                + "and state <> 'PUBLISHED' order by assessed_month", String.class);
        assertThat(annual.path("draftMonths")).extracting(JsonNode::asText).containsExactlyElementsOf(drafts);
        Map<String, List<BigDecimal>> monthly = new LinkedHashMap<>();
        for (String month : months) {
            for (JsonNode s : getJson("/api/assessments/" + month, "supervisor").path("staff")) {
                monthly.computeIfAbsent(s.path("staff").asText(), k -> new ArrayList<>()).add(s.path("score").decimalValue());
            }
        }
        JsonNode scores = annual.path("scores");
        assertThat(Set.copyOf(iterable(scores.fieldNames()))).isEqualTo(monthly.keySet());
        monthly.forEach((staff, list) -> assertThat(scores.path(staff).decimalValue()).as("annual score of %s", staff)
                .isEqualByComparingTo(list.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(list.size()), 2, RoundingMode.HALF_UP)));
        JsonNode ownAnnual = getJson("/api/assessments/years/2026", CLERK);
        assertThat(ownAnnual.path("scores").size()).as("a clerk reads his own annual score").isEqualTo(1);
        assertThat(ownAnnual.path("scores").path(CLERK).decimalValue()).isEqualByComparingTo(annual.path("scores").path(CLERK).decimalValue());
        JsonNode none = getJson("/api/assessments/years/1999", "supervisor");
        assertThat(none.path("scores")).isEmpty();
        assertThat(none.path("note").asText()).isEqualTo("1999年尚无已发布的月度考核");
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    /** The row's cells by column (missing cells as ""). */
    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell cell = row.getCell(i);
            cells.add(cell == null ? "" : switch (cell.getCellType()) {
                case NUMERIC -> String.valueOf(cell.getNumericCellValue());
                default -> cell.getStringCellValue();
            });
        }
        return cells;
    }
}
