package org.bianmin.engine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The completed user tasks of a case (or of any process with a business key), as the case file shows them. */
@Repository
public class TaskRecords {

    /** One completed task: when, by whom, and the note written in it. */
    public record TaskRecord(String taskId, String businessKey, String taskName, Instant completedAt, String completedBy,
                             String note) {
    }

    static final int MAX_NOTE = 4000;

    private final NamedParameterJdbcTemplate jdbc;

    TaskRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(TaskRecord record) {
        String note = record.note() == null || record.note().length() <= MAX_NOTE ? record.note() : record.note().substring(0, MAX_NOTE);
        jdbc.update("""
                insert into task_record (task_id, business_key, task_name, completed_at, completed_by, note)
                values (:taskId, :businessKey, :taskName, :completedAt, :completedBy, :note)""",
                new MapSqlParameterSource().addValue("taskId", record.taskId()).addValue("businessKey", record.businessKey())
                        .addValue("taskName", record.taskName()).addValue("completedAt", Timestamp.from(record.completedAt()))
                        .addValue("completedBy", record.completedBy()).addValue("note", note));
    }

    public List<TaskRecord> forBusinessKey(String businessKey) {
        return jdbc.query("select * from task_record where business_key = :key order by completed_at, task_id",
                new MapSqlParameterSource("key", businessKey), (rs, i) -> new TaskRecord(rs.getString("task_id"),
                        rs.getString("business_key"), rs.getString("task_name"), rs.getTimestamp("completed_at").toInstant(),
                        rs.getString("completed_by"), rs.getString("note")));
    }
}
