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
                insert into rule_set_version (rule_set, version, state, content, author, created_at, comment, published_at, published_by)
                values (:s, :v, :st, :content, :author, :createdAt, :comment, :publishedAt, :publishedBy)""",
                new MapSqlParameterSource("s", v.ruleSet()).addValue("v", v.version()).addValue("st", v.state().name())
                        .addValue("content", encode(v.files())).addValue("author", v.author())
                        .addValue("createdAt", Timestamp.from(v.createdAt())).addValue("comment", v.comment())
                        .addValue("publishedAt", v.publishedAt() == null ? null : Timestamp.from(v.publishedAt()))
                        .addValue("publishedBy", v.publishedBy()));
    }

    public void updateDraft(String ruleSet, int version, List<RuleFile> files, String comment) {
        jdbc.update("update rule_set_version set content = :content, comment = :comment where rule_set = :s and version = :v and state = 'DRAFT'",
                new MapSqlParameterSource("s", ruleSet).addValue("v", version).addValue("content", encode(files))
                        .addValue("comment", comment));
    }

    public void deleteDraft(String ruleSet) {
        jdbc.update("delete from rule_set_version where rule_set = :s and state = 'DRAFT'", new MapSqlParameterSource("s", ruleSet));
    }

    /** Makes {@code version} the published one; the previous published version becomes superseded. */
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
        Timestamp published = rs.getTimestamp("published_at");
        return new RuleSetVersion(rs.getString("rule_set"), rs.getInt("version"),
                RuleSetVersion.State.valueOf(rs.getString("state")), decode(rs.getString("content")), rs.getString("author"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("comment"),
                published == null ? null : published.toInstant(), rs.getString("published_by"));
    }
}
