package org.bianmin.staff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code roster_post}: the windows' posts and their A/B persons. */
@Repository
class RosterRepository {

    private static final RowMapper<RosterPost> MAPPER = (rs, i) -> new RosterPost(rs.getString("window_group"),
            rs.getString("post"), rs.getString("person_a"), rs.getString("person_b"));

    private final NamedParameterJdbcTemplate jdbc;

    RosterRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<RosterPost> all() {
        return jdbc.query("select * from roster_post order by window_group, post", MAPPER);
    }

    List<RosterPost> ofWindow(String window) {
        return jdbc.query("select * from roster_post where window_group = :w order by post", new MapSqlParameterSource("w", window), MAPPER);
    }

    /** The posts on which the person is the A person. */
    List<RosterPost> whereA(String staff) {
        return jdbc.query("select * from roster_post where person_a = :s order by window_group, post",
                new MapSqlParameterSource("s", staff), MAPPER);
    }

    /** The posts on which the person is A or B. */
    List<RosterPost> of(String staff) {
        return jdbc.query("select * from roster_post where person_a = :s or person_b = :s order by window_group, post",
                new MapSqlParameterSource("s", staff), MAPPER);
    }

    boolean exists(String window, String post) {
        Integer count = jdbc.queryForObject("select count(*) from roster_post where window_group = :w and post = :p",
                new MapSqlParameterSource("w", window).addValue("p", post), Integer.class);
        return count != null && count > 0;
    }

    void insert(RosterPost post, Instant at, String by) {
        jdbc.update("""
                insert into roster_post (window_group, post, person_a, person_b, updated_at, updated_by)
                values (:w, :p, :a, :b, :at, :by)""", params(post, at, by));
    }

    void update(RosterPost post, Instant at, String by) {
        jdbc.update("""
                update roster_post set person_a = :a, person_b = :b, updated_at = :at, updated_by = :by
                where window_group = :w and post = :p""", params(post, at, by));
    }

    private static MapSqlParameterSource params(RosterPost post, Instant at, String by) {
        return new MapSqlParameterSource("w", post.window()).addValue("p", post.post()).addValue("a", post.a())
                .addValue("b", post.b()).addValue("at", Timestamp.from(at)).addValue("by", by);
    }
}
