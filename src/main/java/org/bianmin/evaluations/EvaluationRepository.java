package org.bianmin.evaluations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code case_evaluation}: one rating per case and where its review stands. */
@Repository
class EvaluationRepository {

    enum State { RECORDED, UNDER_REVIEW, CONFIRMED, RECTIFIED, ANNULLED }

    record Evaluation(String caseNumber, int rating, String comment, Instant ratedAt, String recordedBy, State state,
                      String reviewNote, Instant rectificationDue) {
    }

    record WindowSatisfaction(String window, int ratings, int satisfied, int badConfirmed, int rectified) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    EvaluationRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Evaluation e) {
        jdbc.update("""
                insert into case_evaluation (case_number, rating, comment, rated_at, recorded_by, state, rectification_due)
                values (:n, :rating, :comment, :at, :by, :state, :due)""",
                new MapSqlParameterSource("n", e.caseNumber()).addValue("rating", e.rating()).addValue("comment", e.comment())
                        .addValue("at", Timestamp.from(e.ratedAt())).addValue("by", e.recordedBy()).addValue("state", e.state().name())
                        .addValue("due", e.rectificationDue() == null ? null : Timestamp.from(e.rectificationDue())));
    }

    Optional<Evaluation> find(String caseNumber) {
        return jdbc.query("select * from case_evaluation where case_number = :n", new MapSqlParameterSource("n", caseNumber),
                (rs, i) -> new Evaluation(rs.getString("case_number"), rs.getInt("rating"), rs.getString("comment"),
                        rs.getTimestamp("rated_at").toInstant(), rs.getString("recorded_by"), State.valueOf(rs.getString("state")),
                        rs.getString("review_note"), rs.getTimestamp("rectification_due") == null ? null
                        : rs.getTimestamp("rectification_due").toInstant())).stream().findFirst();
    }

    void review(String caseNumber, State state, String note) {
        jdbc.update("update case_evaluation set state = :state, review_note = :note where case_number = :n",
                new MapSqlParameterSource("n", caseNumber).addValue("state", state.name()).addValue("note", note));
    }

    /**
     * Ratings per window in [from, to), annulled ratings left out; satisfied = 基本满意 (3) or better;
     * the bad ratings (2 or worse) the review confirmed, and how many of them were rectified (整改).
     */
    List<WindowSatisfaction> satisfaction(Instant from, Instant to) {
        return jdbc.query("""
                select c.window_group, count(*) as ratings, sum(case when e.rating >= 3 then 1 else 0 end) as satisfied,
                  sum(case when e.rating <= 2 and e.state in ('CONFIRMED', 'RECTIFIED') then 1 else 0 end) as bad_confirmed,
                  sum(case when e.state = 'RECTIFIED' then 1 else 0 end) as rectified
                from case_evaluation e join case_record c on c.case_number = e.case_number
                where e.rated_at >= :from and e.rated_at < :to and e.state <> 'ANNULLED'
                group by c.window_group order by c.window_group""",
                new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to)),
                (rs, i) -> new WindowSatisfaction(rs.getString("window_group"), rs.getInt("ratings"), rs.getInt("satisfied"),
                        rs.getInt("bad_confirmed"), rs.getInt("rectified")));
    }
}
