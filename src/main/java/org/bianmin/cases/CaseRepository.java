package org.bianmin.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bianmin.catalogue.CaseType;
import org.bianmin.engine.DatabaseProduct;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code case_record} and the per-day case-number counter. */
@Repository
public class CaseRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    /** Whether the database is PostgreSQL; asked at the first number. */
    private volatile Boolean postgres;

    public CaseRepository(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The next number of the day, taken in a transaction of its own: the day's counter row is locked
     * for that moment only, not until the registration commits, so registrations run side by side.
     * The registration validates everything before it asks, so a refused application uses no number;
     * only a fault after this point (the database gone mid-registration) leaves a gap in the day's numbers.
     * <p>
     * On PostgreSQL that transaction commits without waiting for its WAL to reach the disk
     * ({@code synchronous_commit} off for it alone): the registration's own commit, which waits,
     * flushes the WAL up to its end and so this counter first, since the WAL is written in order. A
     * crash can lose the counter's step only together with the registration that took the number,
     * which is then given again: never twice to a stored case, and one gap fewer.
     */
    public int nextNumber(LocalDate day) {
        var params = new MapSqlParameterSource("day", day);
        Integer number = ownTransaction.execute(status -> increment(params));
        if (number != null) {
            return number;
        }
        createCounter(day);
        return ownTransaction.execute(status -> increment(params));
    }

    /** The day's counter one up, or null when the day has no counter yet. */
    private Integer increment(MapSqlParameterSource params) {
        String increment = "update case_number_counter set last_value = last_value + 1 where counter_day = :day";
        if (postgres()) {
            jdbc.getJdbcTemplate().execute("set local synchronous_commit to off");
            List<Integer> values = jdbc.queryForList(increment + " returning last_value", params, Integer.class);
            return values.isEmpty() ? null : values.get(0);
        }
        if (jdbc.update(increment, params) == 0) {
            return null;
        }
        return jdbc.queryForObject("select last_value from case_number_counter where counter_day = :day", params, Integer.class);
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = DatabaseProduct.isPostgres(jdbc.getJdbcTemplate());
            postgres = known;
        }
        return known;
    }

    /** Creates the day's counter in its own transaction; a concurrent creation is fine. */
    private void createCounter(LocalDate day) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update(
                    "insert into case_number_counter (counter_day, last_value) values (:day, 0)",
                    new MapSqlParameterSource("day", day)));
        } catch (DuplicateKeyException alreadyThere) {
            // another registration created it first
        }
    }

    public void insert(CaseRecord c) {
        jdbc.update("""
                insert into case_record (case_number, item_code, item_name, department, window_group, disposition, case_type,
                  state, applicant_name, applicant_id_number, applicant_phone, applicant_organization, lawful, petition, major,
                  submitted_materials, missing_materials, reason, basis, received_at, registered_at, registered_by,
                  limit_days, limit_minutes, extension_max_days, deadline, warn_at, paused_since, paused_minutes,
                  classification_version, time_limit_version, fired_rules, ended_at,
                  extension_state, extension_days, delay_notice, handover_minutes, part_percent,
                  catalogue_version, calendar_version, supplement_due, extension_max_count, extensions_used,
                  escalate_to_directors, commitment)
                values (:caseNumber, :itemCode, :itemName, :department, :window, :disposition, :caseType,
                  :state, :name, :idNumber, :phone, :organization, :lawful, :petition, :major,
                  :submitted, :missing, :reason, :basis, :receivedAt, :registeredAt, :registeredBy,
                  :limitDays, :limitMinutes, :extensionMaxDays, :deadline, :warnAt, :pausedSince, :pausedMinutes,
                  :classificationVersion, :timeLimitVersion, :firedRules, :endedAt,
                  :extensionState, :extensionDays, :delayNotice, :handoverMinutes, :partPercent,
                  :catalogueVersion, :calendarVersion, :supplementDue, :extensionMaxCount, :extensionsUsed,
                  :escalateToDirectors, :commitment)""", params(c));
    }

    public void update(CaseRecord c) {
        jdbc.update("""
                update case_record set case_type = :caseType, state = :state, submitted_materials = :submitted,
                  missing_materials = :missing, reason = :reason, deadline = :deadline, warn_at = :warnAt,
                  paused_since = :pausedSince, paused_minutes = :pausedMinutes, time_limit_version = :timeLimitVersion,
                  ended_at = :endedAt, limit_days = :limitDays, extension_state = :extensionState,
                  extension_days = :extensionDays, delay_notice = :delayNotice, supplement_due = :supplementDue,
                  extensions_used = :extensionsUsed
                where case_number = :caseNumber""", params(c));
    }

    /** A page of the cases that match, newest first, and how many match in all. */
    public record Page(List<CaseRecord> items, long total) {
    }

    /**
     * The case search: {@code text} matches the case number or the applicant's name (contained), or
     * — 4 or more digits (and a trailing X) — the end of the ID number or of the phone.
     */
    /** The shortest text matched anywhere in a case number or name; a shorter one matches their start. */
    static final int MIN_CONTAINS = 3;

    public Page search(String text, String itemCode, String window, CaseState state, Instant from, Instant to, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (text != null) {
            // three characters and more: anywhere in the number or the name (trigram indexes on PostgreSQL);
            // one or two (a surname, a given name): the start of either (pattern indexes)
            String escaped = text.toUpperCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            where.append(" and (upper(case_number) like :pattern or upper(applicant_name) like :pattern");
            if (text.matches("\\d{3,17}[\\dXx]")) {
                where.append(" or applicant_id_number like :ending or applicant_phone like :ending");
                params.addValue("ending", "%" + text.toUpperCase());
            }
            where.append(")");
            params.addValue("pattern", (text.codePointCount(0, text.length()) >= MIN_CONTAINS ? "%" : "") + escaped + "%");
        }
        if (itemCode != null) {
            where.append(" and item_code = :itemCode");
            params.addValue("itemCode", itemCode);
        }
        if (window != null) {
            where.append(" and window_group = :window");
            params.addValue("window", window);
        }
        if (state != null) {
            where.append(" and state = :state");
            params.addValue("state", state.name());
        }
        if (from != null) {
            where.append(" and registered_at >= :from");
            params.addValue("from", Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and registered_at < :to");
            params.addValue("to", Timestamp.from(to));
        }
        Long total = jdbc.queryForObject("select count(*) from case_record" + where, params, Long.class);
        params.addValue("limit", size).addValue("offset", (long) page * size);
        // with a text, the matches come from the text's indexes and are sorted after; ordering by the bare column would let
        // the planner walk the registration index backwards through every case for a few old matches
        String order = text != null ? "coalesce(registered_at, registered_at) desc" : "registered_at desc";
        List<CaseRecord> items = jdbc.query("select * from case_record" + where
                + " order by " + order + ", case_number desc limit :limit offset :offset", params, MAPPER);
        return new Page(items, total == null ? 0 : total);
    }

    public Optional<CaseRecord> find(String caseNumber) {
        return jdbc.query("select * from case_record where case_number = :n",
                new MapSqlParameterSource("n", caseNumber), MAPPER).stream().findFirst();
    }

    /** For update: serialises concurrent changes of one case. */
    public Optional<CaseRecord> lock(String caseNumber) {
        return jdbc.query("select * from case_record where case_number = :n for update",
                new MapSqlParameterSource("n", caseNumber), MAPPER).stream().findFirst();
    }

    private static MapSqlParameterSource params(CaseRecord c) {
        return new MapSqlParameterSource()
                .addValue("caseNumber", c.caseNumber()).addValue("itemCode", c.itemCode()).addValue("itemName", c.itemName())
                .addValue("department", c.department()).addValue("window", c.window())
                .addValue("disposition", c.disposition().name())
                .addValue("caseType", c.caseType() == null ? null : c.caseType().name())
                .addValue("state", c.state().name())
                .addValue("name", c.applicant().name()).addValue("idNumber", c.applicant().idNumber())
                .addValue("phone", c.applicant().phone()).addValue("organization", c.applicant().organization())
                .addValue("lawful", c.lawful()).addValue("petition", c.petition()).addValue("major", c.major())
                .addValue("submitted", String.join(",", c.submittedMaterials()))
                .addValue("missing", String.join(",", c.missingMaterials()))
                .addValue("reason", c.reason()).addValue("basis", c.basis())
                .addValue("receivedAt", ts(c.receivedAt())).addValue("registeredAt", ts(c.registeredAt()))
                .addValue("registeredBy", c.registeredBy())
                .addValue("limitDays", c.limitDays()).addValue("limitMinutes", c.limitMinutes())
                .addValue("extensionMaxDays", c.extensionMaxDays())
                .addValue("deadline", ts(c.deadline())).addValue("warnAt", ts(c.warnAt()))
                .addValue("pausedSince", ts(c.pausedSince())).addValue("pausedMinutes", c.pausedMinutes())
                .addValue("classificationVersion", c.classificationVersion())
                .addValue("timeLimitVersion", c.timeLimitVersion())
                .addValue("firedRules", String.join(",", c.firedRules()))
                .addValue("endedAt", ts(c.endedAt()))
                .addValue("extensionState", c.extensionState().name()).addValue("extensionDays", c.extensionDays())
                .addValue("delayNotice", c.delayNotice())
                .addValue("handoverMinutes", c.handoverMinutes()).addValue("partPercent", c.partPercent())
                .addValue("catalogueVersion", c.catalogueVersion()).addValue("calendarVersion", c.calendarVersion())
                .addValue("supplementDue", ts(c.supplementDue()))
                .addValue("extensionMaxCount", c.extensionMaxCount()).addValue("extensionsUsed", c.extensionsUsed())
                .addValue("escalateToDirectors", c.escalateToDirectors()).addValue("commitment", c.commitment());
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static final RowMapper<CaseRecord> MAPPER = (rs, i) -> new CaseRecord(
            rs.getString("case_number"), rs.getString("item_code"), rs.getString("item_name"),
            rs.getString("department"), rs.getString("window_group"),
            Disposition.valueOf(rs.getString("disposition")),
            rs.getString("case_type") == null ? null : CaseType.valueOf(rs.getString("case_type")),
            CaseState.valueOf(rs.getString("state")),
            new Applicant(rs.getString("applicant_name"), rs.getString("applicant_id_number"),
                    rs.getString("applicant_phone"), rs.getString("applicant_organization")),
            rs.getBoolean("lawful"), rs.getBoolean("petition"), rs.getBoolean("major"),
            list(rs.getString("submitted_materials")), list(rs.getString("missing_materials")),
            rs.getString("reason"), rs.getString("basis"),
            instant(rs, "received_at"), instant(rs, "registered_at"), rs.getString("registered_by"),
            integer(rs, "limit_days"), integer(rs, "limit_minutes"), rs.getInt("extension_max_days"),
            instant(rs, "deadline"), instant(rs, "warn_at"), instant(rs, "paused_since"), rs.getLong("paused_minutes"),
            rs.getString("classification_version"), rs.getString("time_limit_version"),
            list(rs.getString("fired_rules")), instant(rs, "ended_at"),
            CaseRecord.ExtensionState.valueOf(rs.getString("extension_state")), rs.getInt("extension_days"),
            rs.getBoolean("delay_notice"), integer(rs, "handover_minutes"), integer(rs, "part_percent"),
            rs.getString("catalogue_version"), rs.getString("calendar_version"), instant(rs, "supplement_due"),
            rs.getInt("extension_max_count"), rs.getInt("extensions_used"), rs.getBoolean("escalate_to_directors"),
            rs.getBoolean("commitment"));
}
