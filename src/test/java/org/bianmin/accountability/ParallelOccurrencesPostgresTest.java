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
    }
}
