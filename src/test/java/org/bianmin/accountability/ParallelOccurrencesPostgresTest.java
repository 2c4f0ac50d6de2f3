package org.bianmin.accountability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.bianmin.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Six simultaneous events for one clerk in one month are numbered one after the other: the
 * occurrence ("本月第N次") decides the measure, so a race must not give two records the same number.
 */
class ParallelOccurrencesPostgresTest extends PostgresIntegrationTest {

    private static final String STAFF = "disabled-b";

    @Autowired JdbcTemplate jdbc;

    @Test
    void sixSimultaneousEventsForOneClerkAreNumberedOneAfterTheOther() {
        String month = "2026-10";
        int before = jdbc.queryForObject("select count(*) from accountability_record where staff = ? and trigger_type = 'MATERIALS_LOST'"
                + " and occurred_at >= timestamp with time zone '2026-10-01 00:00:00+08' and occurred_at < timestamp with time zone "
                + "'2026-11-01 00:00:00+08'", Integer.class, STAFF);
        List<HttpResponse<String>> answers = IntStream.rangeClosed(1, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> send("POST", "/api/discipline-events",
                        "{\"staff\":\"" + STAFF + "\",\"type\":\"MATERIALS_LOST\",\"occurredAt\":\"" + month + "-1" + i
                                + "T09:00:00+08:00\",\"note\":\"并发测试 " + i + "\"}", "supervisor", DEMO_PASSWORD)))
                .toList().stream().map(CompletableFuture::join).toList();
        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isLessThan(300));

        List<Integer> occurrences = jdbc.queryForList("select occurrence from accountability_record where staff = ? and "
                + "trigger_type = 'MATERIALS_LOST' and occurred_at >= timestamp with time zone '2026-10-01 00:00:00+08' and "
                + "occurred_at < timestamp with time zone '2026-11-01 00:00:00+08' order by occurrence", Integer.class, STAFF);
        assertThat(occurrences).containsExactlyElementsOf(IntStream.rangeClosed(1, before + 6).boxed().toList());
        assertThat(tally("2026-10")).as("the tally keeps the count the records give").isEqualTo(before + 6);
    }

    /** A database of the release before has records and no tally: the month is counted once, then kept. */
    @Test
    void aMonthRecordedWithoutItsTallyIsCountedOnceThenKept() {
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        assertThat(occurrences(month)).as("a month no other test records").isEmpty();
        record(1, month);
        record(2, month);
        jdbc.update("delete from accountability_tally where staff = ? and trigger_type = 'MATERIALS_LOST' and period = ?", STAFF, month);

        record(3, month);

        assertThat(occurrences(month)).containsExactly(1, 2, 3);
        assertThat(tally(month)).isEqualTo(3);
    }

    private List<Integer> occurrences(String month) {
        return jdbc.queryForList("select occurrence from accountability_record where staff = ? and trigger_type = 'MATERIALS_LOST'"
                + " and occurred_at >= cast(? as timestamp with time zone) and occurred_at < cast(? as timestamp with time zone)"
                + " order by occurrence", Integer.class, STAFF, month + "-01 00:00:00+08",
                java.time.YearMonth.parse(month).plusMonths(1) + "-01 00:00:00+08");
    }

    private void record(int day, String month) {
        HttpResponse<String> answer = send("POST", "/api/discipline-events", "{\"staff\":\"" + STAFF
                + "\",\"type\":\"MATERIALS_LOST\",\"occurredAt\":\"" + month + "-0" + day + "T09:00:00+08:00\",\"note\":\"计数测试\"}",
                "supervisor", DEMO_PASSWORD);
        assertThat(answer.statusCode()).as(answer.body()).isLessThan(300);
    }

    private int tally(String month) {
        return jdbc.queryForObject("select counted from accountability_tally where staff = ? and trigger_type = 'MATERIALS_LOST'"
                + " and period = ?", Integer.class, STAFF, month);
    }
}
