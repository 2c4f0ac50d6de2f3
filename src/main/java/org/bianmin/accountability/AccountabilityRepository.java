package org.bianmin.accountability;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code accountability_record}. */
@Repository
public class AccountabilityRepository {

    private final NamedParameterJdbcTemplate jdbc;

    public AccountabilityRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Earlier records of this trigger for this person in [from, to): the repeat count the rules escalate on. */
    public int count(String staff, String triggerType, Instant from, Instant to) {
        Integer n = jdbc.queryForObject("""
                select count(*) from accountability_record where staff = :staff and trigger_type = :type
                  and occurred_at >= :from and occurred_at < :to and state <> 'DISMISSED'""",
                new MapSqlParameterSource("staff", staff).addValue("type", triggerType)
                        .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)), Integer.class);
        return n == null ? 0 : n;
    }

    public long insert(AccountabilityRecord r) {
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into accountability_record (event_source, event_id, trigger_type, case_number, staff, window_group,
                  occurred_at, occurrence, measure, fine_yuan, rule_version, rule_name, state, created_at, statement_due)
                values (:source, :eventId, :type, :caseNumber, :staff, :window, :at, :occurrence, :measure, :fine,
                  :version, :rule, 'PROPOSED', :created, :statementDue)""",
                new MapSqlParameterSource("source", r.eventSource()).addValue("eventId", r.eventId())
                        .addValue("type", r.triggerType()).addValue("caseNumber", r.caseNumber()).addValue("staff", r.staff())
                        .addValue("window", r.window()).addValue("at", Timestamp.from(r.occurredAt()))
                        .addValue("occurrence", r.occurrence()).addValue("measure", r.measure()).addValue("fine", r.fineYuan())
                        .addValue("version", r.ruleVersion()).addValue("rule", r.ruleName())
                        .addValue("created", Timestamp.from(r.createdAt()))
                        .addValue("statementDue", r.statementDue() == null ? null : Timestamp.from(r.statementDue()), java.sql.Types.TIMESTAMP),
                keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    public void decide(long id, AccountabilityRecord.State state, String reviewer, String reason, Instant at) {
        jdbc.update("""
                update accountability_record set state = :state, reviewer = :reviewer, review_reason = :reason, decided_at = :at
                where id = :id""", new MapSqlParameterSource("id", id).addValue("state", state.name())
                .addValue("reviewer", reviewer).addValue("reason", reason).addValue("at", Timestamp.from(at)));
    }

    /** The person's records of a trigger in [from, to) still proposed that came after a record: renumbered when it is dismissed. */
    public List<AccountabilityRecord> proposedAfter(AccountabilityRecord record, Instant from, Instant to) {
        return jdbc.query("""
                select * from accountability_record where staff = :staff and trigger_type = :type and state = 'PROPOSED'
                  and occurred_at >= :from and occurred_at < :to
                  and (occurred_at > :at or (occurred_at = :at and id > :id)) order by occurred_at, id""",
                new MapSqlParameterSource("staff", record.staff()).addValue("type", record.triggerType())
                        .addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to))
                        .addValue("at", Timestamp.from(record.occurredAt())).addValue("id", record.id()), MAPPER);
    }

    /** The person's records of a trigger in [from, to) that count, before a record: its occurrence is one more. */
    public int countedBefore(AccountabilityRecord record, Instant from, Instant to) {
        Integer n = jdbc.queryForObject("""
                select count(*) from accountability_record where staff = :staff and trigger_type = :type and state <> 'DISMISSED'
                  and occurred_at >= :from and (occurred_at < :at or (occurred_at = :at and id < :id))""",
                new MapSqlParameterSource("staff", record.staff()).addValue("type", record.triggerType())
                        .addValue("from", Timestamp.from(from)).addValue("at", Timestamp.from(record.occurredAt()))
                        .addValue("id", record.id()), Integer.class);
        return n == null ? 0 : n;
    }

    /** A proposal evaluated anew: its occurrence and what the rules propose for it now. */
    public void reproposed(long id, int occurrence, String measure, BigDecimal fine, String ruleVersion, String ruleName) {
        jdbc.update("""
                update accountability_record set occurrence = :occurrence, measure = :measure, fine_yuan = :fine,
                  rule_version = :version, rule_name = :rule where id = :id and state = 'PROPOSED'""",
                new MapSqlParameterSource("id", id).addValue("occurrence", occurrence).addValue("measure", measure)
                        .addValue("fine", fine).addValue("version", ruleVersion).addValue("rule", ruleName));
    }

    public void statement(long id, String text, Instant at) {
        jdbc.update("update accountability_record set statement = :text, statement_at = :at where id = :id",
                new MapSqlParameterSource("id", id).addValue("text", text).addValue("at", Timestamp.from(at)));
    }

    public Optional<AccountabilityRecord> find(long id) {
        return jdbc.query("select * from accountability_record where id = :id", new MapSqlParameterSource("id", id), MAPPER)
                .stream().findFirst();
    }

    /** Filters are optional; {@code from}/{@code to} bound the event time. */
    public List<AccountabilityRecord> search(String caseNumber, String staff, Instant from, Instant to, String state) {
        StringBuilder sql = new StringBuilder("select * from accountability_record where 1 = 1");
        var params = new MapSqlParameterSource();
        if (caseNumber != null) {
            sql.append(" and case_number = :caseNumber");
            params.addValue("caseNumber", caseNumber);
        }
        if (staff != null) {
            sql.append(" and staff = :staff");
            params.addValue("staff", staff);
        }
        if (from != null) {
            sql.append(" and occurred_at >= :from and occurred_at < :to");
            params.addValue("from", Timestamp.from(from)).addValue("to", Timestamp.from(to));
        }
        if (state != null) {
            sql.append(" and state = :state");
            params.addValue("state", state);
        }
        return jdbc.query(sql.append(" order by occurred_at, id").toString(), params, MAPPER);
    }

    private static final RowMapper<AccountabilityRecord> MAPPER = (rs, i) -> new AccountabilityRecord(rs.getLong("id"),
            rs.getString("event_source"), rs.getLong("event_id"), rs.getString("trigger_type"), rs.getString("case_number"),
            rs.getString("staff"), rs.getString("window_group"), rs.getTimestamp("occurred_at").toInstant(),
            rs.getInt("occurrence"), rs.getString("measure"), rs.getBigDecimal("fine_yuan") == null ? BigDecimal.ZERO
                    : rs.getBigDecimal("fine_yuan"),
            rs.getString("rule_version"), rs.getString("rule_name"),
            AccountabilityRecord.State.valueOf(rs.getString("state")), rs.getString("reviewer"), rs.getString("review_reason"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
            rs.getString("statement"), instant(rs, "statement_at"), instant(rs, "statement_due"));

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
