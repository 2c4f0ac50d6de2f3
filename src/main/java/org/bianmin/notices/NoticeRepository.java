package org.bianmin.notices;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code case_notice}: every notice issued, re-issues numbered by sequence. */
@Repository
public class NoticeRepository {

    private final NamedParameterJdbcTemplate jdbc;

    public NoticeRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Notice issue(String caseNumber, NoticeType type, Instant issuedAt, String issuedBy, List<String> materials) {
        return issue(caseNumber, type, issuedAt, issuedBy, materials, Map.of());
    }

    public Notice issue(String caseNumber, NoticeType type, Instant issuedAt, String issuedBy, List<String> materials,
                        Map<String, String> details) {
        var params = new MapSqlParameterSource().addValue("n", caseNumber).addValue("t", type.name());
        Integer last = jdbc.queryForObject(
                "select max(sequence) from case_notice where case_number = :n and notice_type = :t", params, Integer.class);
        Notice notice = new Notice(caseNumber, type, last == null ? 1 : last + 1, issuedAt, issuedBy, materials, details);
        insert(notice);
        return notice;
    }

    private void insert(Notice n) {
        jdbc.update("""
                insert into case_notice (case_number, notice_type, sequence, issued_at, issued_by, materials, details)
                values (:n, :t, :s, :at, :by, :m, :d)""",
                new MapSqlParameterSource().addValue("n", n.caseNumber()).addValue("t", n.type().name())
                        .addValue("s", n.sequence()).addValue("at", Timestamp.from(n.issuedAt())).addValue("by", n.issuedBy())
                        .addValue("m", String.join(",", n.materials())).addValue("d", encode(n.details())));
    }

    /**
     * The first notice of its type for a case (a case being registered): numbered 1 without looking
     * for earlier ones; the unique key refuses it if there is one.
     */
    public Notice issueFirst(String caseNumber, NoticeType type, Instant issuedAt, String issuedBy, List<String> materials,
                             Map<String, String> details) {
        Notice notice = new Notice(caseNumber, type, 1, issuedAt, issuedBy, materials, details);
        insert(notice);
        return notice;
    }

    public List<Notice> list(String caseNumber) {
        return jdbc.query("select * from case_notice where case_number = :n order by issued_at, id",
                new MapSqlParameterSource("n", caseNumber), MAPPER);
    }

    /** The given issue, or the latest when {@code sequence} is null. */
    public Optional<Notice> find(String caseNumber, NoticeType type, Integer sequence) {
        var params = new MapSqlParameterSource().addValue("n", caseNumber).addValue("t", type.name());
        String sql = sequence == null
                ? "select * from case_notice where case_number = :n and notice_type = :t order by sequence desc"
                : "select * from case_notice where case_number = :n and notice_type = :t and sequence = :s";
        return jdbc.query(sql, params.addValue("s", sequence), MAPPER).stream().findFirst();
    }

    /** One "label=value" per line; labels and values never hold line breaks. */
    static String encode(Map<String, String> details) {
        StringBuilder text = new StringBuilder();
        details.forEach((label, value) -> text.append(label.replace('\n', ' ').replace("=", "＝")).append('=')
                .append(value == null ? "" : value.replace('\n', ' ')).append('\n'));
        return text.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> details = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    details.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return details;
    }

    private static final RowMapper<Notice> MAPPER = (rs, i) -> new Notice(rs.getString("case_number"),
            NoticeType.valueOf(rs.getString("notice_type")), rs.getInt("sequence"),
            rs.getTimestamp("issued_at").toInstant(), rs.getString("issued_by"),
            rs.getString("materials") == null || rs.getString("materials").isEmpty() ? List.of()
                    : Arrays.asList(rs.getString("materials").split(",")),
            decode(rs.getString("details")));
}
