package org.bianmin.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code rule_set_version} and {@code rule_set_audit}. Files are stored as one JSON object name → text. */
@Repository
public class RuleSetRepository {

    public record AuditEntry(String ruleSet, Integer version, String action, String actor, Instant at, String comment) {
    }

    private static final TypeReference<LinkedHashMap<String, String>> FILES = new TypeReference<>() { };

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    public RuleSetRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<RuleSetVersion> versions(String ruleSet) {
        return jdbc.query("select * from rule_set_version where rule_set = :s order by version desc",
                new MapSqlParameterSource("s", ruleSet), mapper);
    }

    public Optional<RuleSetVersion> find(String ruleSet, int version) {
        return jdbc.query("select * from rule_set_version where rule_set = :s and version = :v",
                new MapSqlParameterSource("s", ruleSet).addValue("v", version), mapper).stream().findFirst();
    }

    public Optional<RuleSetVersion> inState(String ruleSet, RuleSetVersion.State state) {
        return jdbc.query("select * from rule_set_version where rule_set = :s and state = :st order by version desc",
                new MapSqlParameterSource("s", ruleSet).addValue("st", state.name()), mapper).stream().findFirst();
    }

    /** Published version number of every rule set: what each node polls. */
    public Map<String, Integer> publishedVersions() {
        Map<String, Integer> result = new LinkedHashMap<>();
        jdbc.query("select rule_set, version from rule_set_version where state = 'PUBLISHED'",
                rs -> { result.put(rs.getString(1), rs.getInt(2)); });
        return result;
    }

    public int nextVersion(String ruleSet) {
        Integer max = jdbc.queryForObject("select max(version) from rule_set_version where rule_set = :s",
                new MapSqlParameterSource("s", ruleSet), Integer.class);
        return max == null ? 1 : max + 1;
    }

    public void insert(RuleSetVersion v) {
        jdbc.update("""
                insert into rule_set_version (rule_set, version, state, content, author, created_at, comment, published_at, published_by,
                  basis_document, effective_from, submitted_by, submitted_at, decided_by, decided_at, decision_comment)
                values (:s, :v, :st, :content, :author, :createdAt, :comment, :publishedAt, :publishedBy,
                  :basis, :effectiveFrom, :submittedBy, :submittedAt, :decidedBy, :decidedAt, :decisionComment)""",
                review(v.review()).addValue("s", v.ruleSet()).addValue("v", v.version()).addValue("st", v.state().name())
                        .addValue("content", encode(v.files())).addValue("author", v.author())
                        .addValue("createdAt", Timestamp.from(v.createdAt())).addValue("comment", v.comment())
                        .addValue("publishedAt", timestamp(v.publishedAt())).addValue("publishedBy", v.publishedBy()));
    }

    /** The draft goes to a director: DRAFT → PENDING_APPROVAL with its basis and effective time. */
    public boolean submit(String ruleSet, int version, String comment, RuleSetVersion.Review review) {
        return jdbc.update("""
                update rule_set_version set state = 'PENDING_APPROVAL', basis_document = :basis, effective_from = :effectiveFrom,
                  submitted_by = :submittedBy, submitted_at = :submittedAt, comment = :comment
                where rule_set = :s and version = :v and state = 'DRAFT'""",
                review(review).addValue("s", ruleSet).addValue("v", version).addValue("comment", comment)) == 1;
    }

    /** A director's decision on a pending version: SCHEDULED, REJECTED, or PUBLISHED (then {@link #publish} follows). */
    public boolean decide(String ruleSet, int version, RuleSetVersion.State state, String by, Instant at, String comment) {
        return jdbc.update("""
                update rule_set_version set state = :st, decided_by = :by, decided_at = :at, decision_comment = :comment
                where rule_set = :s and version = :v and state = 'PENDING_APPROVAL'""",
                new MapSqlParameterSource("s", ruleSet).addValue("v", version).addValue("st", state.name())
                        .addValue("by", by).addValue("at", Timestamp.from(at)).addValue("comment", comment)) == 1;
    }

    private static MapSqlParameterSource review(RuleSetVersion.Review r) {
        return new MapSqlParameterSource("basis", r.basisDocument()).addValue("effectiveFrom", timestamp(r.effectiveFrom()))
                .addValue("submittedBy", r.submittedBy()).addValue("submittedAt", timestamp(r.submittedAt()))
                .addValue("decidedBy", r.decidedBy()).addValue("decidedAt", timestamp(r.decidedAt()))
                .addValue("decisionComment", r.decisionComment());
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    public void updateDraft(String ruleSet, int version, List<RuleFile> files, String comment) {
        jdbc.update("update rule_set_version set content = :content, comment = :comment where rule_set = :s and version = :v and state = 'DRAFT'",
                new MapSqlParameterSource("s", ruleSet).addValue("v", version).addValue("content", encode(files))
                        .addValue("comment", comment));
    }

    /** Replaces the files of a version not yet in force (a layout upgrade; a draft's edits go through {@link #updateDraft}). */
    public void updateContent(String ruleSet, int version, List<RuleFile> files) {
        jdbc.update("update rule_set_version set content = :content where rule_set = :s and version = :v and state <> 'PUBLISHED'",
                new MapSqlParameterSource("s", ruleSet).addValue("v", version).addValue("content", encode(files)));
    }

    public void deleteDraft(String ruleSet) {
        jdbc.update("delete from rule_set_version where rule_set = :s and state = 'DRAFT'", new MapSqlParameterSource("s", ruleSet));
    }

    /** Makes {@code version} the published one (from any state); the previous published version becomes superseded. */
    public void publish(String ruleSet, int version, String by, Instant at, String comment) {
        var params = new MapSqlParameterSource("s", ruleSet).addValue("v", version).addValue("by", by)
                .addValue("at", Timestamp.from(at)).addValue("comment", comment);
        jdbc.update("update rule_set_version set state = 'SUPERSEDED' where rule_set = :s and state = 'PUBLISHED'", params);
        jdbc.update("""
                update rule_set_version set state = 'PUBLISHED', published_at = :at, published_by = :by,
                  comment = coalesce(:comment, comment) where rule_set = :s and version = :v""", params);
    }

    /** Serialises publications of one rule set across nodes (row lock on its published version). */
    public void lockRuleSet(String ruleSet) {
        jdbc.query("select id from rule_set_version where rule_set = :s for update", new MapSqlParameterSource("s", ruleSet), rs -> { });
    }

    public void audit(String ruleSet, Integer version, String action, String actor, Instant at, String comment) {
        jdbc.update("insert into rule_set_audit (rule_set, version, action, actor, at, comment) values (:s, :v, :a, :actor, :at, :c)",
                new MapSqlParameterSource("s", ruleSet).addValue("v", version).addValue("a", action).addValue("actor", actor)
                        .addValue("at", Timestamp.from(at)).addValue("c", comment));
    }

    public List<AuditEntry> auditTrail(String ruleSet) {
        return jdbc.query("select * from rule_set_audit where rule_set = :s order by at desc, id desc",
                new MapSqlParameterSource("s", ruleSet), (rs, i) -> new AuditEntry(rs.getString("rule_set"),
                        (Integer) rs.getObject("version", Integer.class), rs.getString("action"), rs.getString("actor"),
                        rs.getTimestamp("at").toInstant(), rs.getString("comment")));
    }

    private String encode(List<RuleFile> files) {
        Map<String, String> map = new LinkedHashMap<>();
        files.forEach(f -> map.put(f.name(), new String(f.content(), StandardCharsets.UTF_8)));
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RuleFile> decode(String content) {
        try {
            return json.readValue(content, FILES).entrySet().stream()
                    .map(e -> new RuleFile(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8))).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable rule set content", e);
        }
    }

    private final RowMapper<RuleSetVersion> mapper = this::map;

    private RuleSetVersion map(ResultSet rs, int row) throws SQLException {
        return new RuleSetVersion(rs.getString("rule_set"), rs.getInt("version"),
                RuleSetVersion.State.valueOf(rs.getString("state")), decode(rs.getString("content")), rs.getString("author"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("comment"), instant(rs, "published_at"),
                rs.getString("published_by"), new RuleSetVersion.Review(rs.getString("basis_document"),
                        instant(rs, "effective_from"), rs.getString("submitted_by"), instant(rs, "submitted_at"),
                        rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("decision_comment")));
    }
}
