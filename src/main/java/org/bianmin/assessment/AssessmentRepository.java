package org.bianmin.assessment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code assessment_month}, {@code assessment_line}, {@code assessment_correction}. */
@Repository
class AssessmentRepository {

    record MonthRow(String month, String state, Instant computedAt, String ruleVersion, Instant publishedAt, String publishedBy) {
    }

    record StoredLine(String staff, String window, AssessmentSheet.Line line) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    AssessmentRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<MonthRow> month(String month) {
        return jdbc.query("select * from assessment_month where assessed_month = :m", new MapSqlParameterSource("m", month),
                (rs, i) -> new MonthRow(rs.getString("assessed_month"), rs.getString("state"), rs.getTimestamp("computed_at").toInstant(),
                        rs.getString("rule_version"),
                        rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
                        rs.getString("published_by"))).stream().findFirst();
    }

    List<String> months(String yearPrefix) {
        return jdbc.queryForList("select assessed_month from assessment_month where assessed_month like :p order by assessed_month",
                new MapSqlParameterSource("p", yearPrefix + "-%"), String.class);
    }

    /** The months of a year whose sheet is published, in order. */
    List<String> publishedMonths(String yearPrefix) {
        return jdbc.queryForList("select assessed_month from assessment_month where assessed_month like :p and state = 'PUBLISHED' "
                + "order by assessed_month", new MapSqlParameterSource("p", yearPrefix + "-%"), String.class);
    }

    void replaceLines(String month, List<StoredLine> lines, String ruleVersion, Instant at) {
        var m = new MapSqlParameterSource("m", month);
        jdbc.update("delete from assessment_line where assessed_month = :m", m);
        for (StoredLine s : lines) {
            AssessmentSheet.Line l = s.line();
            jdbc.update("""
                    insert into assessment_line (assessed_month, staff, window_group, source, source_id, item_type, points, description,
                      rule_name, occurred_at)
                    values (:m, :staff, :window, :source, :sourceId, :type, :points, :description, :rule, :at)""",
                    new MapSqlParameterSource("m", month).addValue("staff", s.staff()).addValue("window", s.window())
                            .addValue("source", l.source()).addValue("sourceId", l.sourceId()).addValue("type", l.type())
                            .addValue("points", l.points()).addValue("description", l.description()).addValue("rule", l.rule())
                            .addValue("at", l.occurredAt() == null ? null : Timestamp.from(l.occurredAt())));
        }
        if (jdbc.update("update assessment_month set computed_at = :at, rule_version = :v where assessed_month = :m",
                m.addValue("at", Timestamp.from(at)).addValue("v", ruleVersion)) == 0) {
            jdbc.update("insert into assessment_month (assessed_month, state, computed_at, rule_version) values (:m, 'DRAFT', :at, :v)", m);
        }
    }

    List<StoredLine> lines(String month) {
        return jdbc.query("select * from assessment_line where assessed_month = :m order by staff, occurred_at, id",
                new MapSqlParameterSource("m", month), (rs, i) -> new StoredLine(rs.getString("staff"), rs.getString("window_group"),
                        new AssessmentSheet.Line(rs.getString("source"), (Long) rs.getObject("source_id", Long.class),
                                rs.getString("item_type"), rs.getBigDecimal("points"), rs.getString("description"),
                                rs.getString("rule_name"),
                                rs.getTimestamp("occurred_at") == null ? null : rs.getTimestamp("occurred_at").toInstant())));
    }

    List<Map<String, Object>> corrections(String month) {
        return jdbc.queryForList("select * from assessment_correction where assessed_month = :m order by made_at, id",
                new MapSqlParameterSource("m", month));
    }

    void addCorrection(String month, String staff, BigDecimal points, String reason, String by, Instant at) {
        jdbc.update("""
                insert into assessment_correction (assessed_month, staff, points, reason, made_by, made_at)
                values (:m, :staff, :points, :reason, :by, :at)""", new MapSqlParameterSource("m", month).addValue("staff", staff)
                .addValue("points", points).addValue("reason", reason).addValue("by", by).addValue("at", Timestamp.from(at)));
    }

    void publish(String month, String by, Instant at) {
        jdbc.update("update assessment_month set state = 'PUBLISHED', published_at = :at, published_by = :by where assessed_month = :m",
                new MapSqlParameterSource("m", month).addValue("by", by).addValue("at", Timestamp.from(at)));
    }
}
