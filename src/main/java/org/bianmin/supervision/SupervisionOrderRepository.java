package org.bianmin.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code supervision_order}. */
@Repository
class SupervisionOrderRepository {

    private final NamedParameterJdbcTemplate jdbc;

    SupervisionOrderRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String caseNumber, String window, String instruction, String issuedBy, Instant issuedAt, String responsible,
                Instant replyDue) {
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into supervision_order (case_number, window_group, instruction, issued_by, issued_at, responsible, reply_due, state)
                values (:caseNumber, :window, :instruction, :issuedBy, :issuedAt, :responsible, :replyDue, 'OPEN')""",
                new MapSqlParameterSource().addValue("caseNumber", caseNumber).addValue("window", window)
                        .addValue("instruction", instruction).addValue("issuedBy", issuedBy)
                        .addValue("issuedAt", Timestamp.from(issuedAt)).addValue("responsible", responsible)
                        .addValue("replyDue", Timestamp.from(replyDue)), keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    Optional<SupervisionOrder> find(long id) {
        return jdbc.query("select * from supervision_order where id = :id", new MapSqlParameterSource("id", id), MAPPER)
                .stream().findFirst();
    }

    /** Locks the order's row: a reply and the reply timer may come at once. */
    Optional<SupervisionOrder> lock(long id) {
        return jdbc.query("select * from supervision_order where id = :id for update", new MapSqlParameterSource("id", id), MAPPER)
                .stream().findFirst();
    }

    void replied(long id, String text, Instant at) {
        jdbc.update("update supervision_order set state = 'REPLIED', reply_text = :text, replied_at = :at where id = :id",
                new MapSqlParameterSource("id", id).addValue("text", text).addValue("at", Timestamp.from(at)));
    }

    void escalated(long id, Instant at) {
        jdbc.update("update supervision_order set state = 'ESCALATED', escalated_at = :at where id = :id and state = 'OPEN'",
                new MapSqlParameterSource("id", id).addValue("at", Timestamp.from(at)));
    }

    void secondNote(long id, String note, String by) {
        jdbc.update("update supervision_order set second_note = :note, second_by = :by where id = :id",
                new MapSqlParameterSource("id", id).addValue("note", note).addValue("by", by));
    }

    /** The case ended: its orders still waiting for a reply are closed with it. */
    int closeOpen(String caseNumber) {
        return jdbc.update("update supervision_order set state = 'CLOSED' where case_number = :n and state in ('OPEN', 'ESCALATED')",
                new MapSqlParameterSource("n", caseNumber));
    }

    List<SupervisionOrder> forCase(String caseNumber) {
        return jdbc.query("select * from supervision_order where case_number = :n order by issued_at, id",
                new MapSqlParameterSource("n", caseNumber), MAPPER);
    }

    /** The newest order of each case: what the board shows per case. */
    Map<String, SupervisionOrder> latest(Collection<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("select * from supervision_order where case_number in (:numbers) order by issued_at, id",
                new MapSqlParameterSource("numbers", caseNumbers), MAPPER).stream()
                .collect(Collectors.toMap(SupervisionOrder::caseNumber, o -> o, (older, newer) -> newer));
    }

    /** The register: every order, newest first, by state, window and month of issue [from, to). */
    List<SupervisionOrder> search(String state, String window, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("select * from supervision_order where 1 = 1");
        var params = new MapSqlParameterSource();
        if (state != null) {
            sql.append(" and state = :state");
            params.addValue("state", state);
        }
        if (window != null) {
            sql.append(" and window_group = :window");
            params.addValue("window", window);
        }
        if (from != null) {
            sql.append(" and issued_at >= :from and issued_at < :to");
            params.addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to));
        }
        return jdbc.query(sql.append(" order by issued_at desc, id desc").toString(), params, MAPPER);
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static final RowMapper<SupervisionOrder> MAPPER = (rs, i) -> new SupervisionOrder(rs.getLong("id"),
            rs.getString("case_number"), rs.getString("window_group"), rs.getString("instruction"), rs.getString("issued_by"),
            instant(rs, "issued_at"), rs.getString("responsible"), instant(rs, "reply_due"),
            SupervisionOrder.State.valueOf(rs.getString("state")), rs.getString("reply_text"), instant(rs, "replied_at"),
            instant(rs, "escalated_at"), rs.getString("second_note"), rs.getString("second_by"));
}
