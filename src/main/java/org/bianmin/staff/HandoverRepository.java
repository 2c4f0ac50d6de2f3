package org.bianmin.staff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code task_handover}: the tasks moved to a B person during an absence, until they go back. */
@Repository
class HandoverRepository {

    enum LinkKind { ASSIGNEE, CANDIDATE }

    record Handover(long id, long absenceId, String taskId, String fromStaff, String toStaff, LinkKind kind) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    HandoverRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long absenceId, String taskId, String taskName, String from, String to, LinkKind kind, Instant at) {
        jdbc.update("""
                insert into task_handover (absence_id, task_id, task_name, from_staff, to_staff, link_kind, handed_at)
                values (:absence, :task, :name, :from, :to, :kind, :at)""",
                new MapSqlParameterSource("absence", absenceId).addValue("task", taskId).addValue("name", taskName)
                        .addValue("from", from).addValue("to", to).addValue("kind", kind.name()).addValue("at", Timestamp.from(at)));
    }

    List<Handover> open(long absenceId) {
        return jdbc.query("select * from task_handover where absence_id = :a and returned_at is null order by id",
                new MapSqlParameterSource("a", absenceId), (rs, i) -> new Handover(rs.getLong("id"), rs.getLong("absence_id"),
                        rs.getString("task_id"), rs.getString("from_staff"), rs.getString("to_staff"),
                        LinkKind.valueOf(rs.getString("link_kind"))));
    }

    void returned(long id, Instant at) {
        jdbc.update("update task_handover set returned_at = :at where id = :id",
                new MapSqlParameterSource("id", id).addValue("at", Timestamp.from(at)));
    }
}
