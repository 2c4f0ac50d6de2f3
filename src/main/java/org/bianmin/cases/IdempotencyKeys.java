package org.bianmin.cases;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code idempotency_key}: the first answer per user and key, kept for {@link #KEPT} (at least 24 hours). */
@Repository
class IdempotencyKeys {

    static final Duration KEPT = Duration.ofHours(48);

    record Entry(String requestHash, String responseBody, String caseNumber, Instant createdAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    IdempotencyKeys(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(String user, String key) {
        return jdbc.query("select request_hash, response_body, case_number, created_at from idempotency_key "
                        + "where user_id = :user and idem_key = :key", Map.of("user", user, "key", key),
                (rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .stream().findFirst();
    }

    /** Claims the key; a concurrent claim of the same key waits for this transaction, then fails on the primary key. */
    void claim(String user, String key, String requestHash, Instant now) {
        jdbc.update("delete from idempotency_key where created_at < :expired", Map.of("expired", Timestamp.from(now.minus(KEPT))));
        jdbc.update("insert into idempotency_key (user_id, idem_key, request_hash, created_at) values (:user, :key, :hash, :now)",
                new MapSqlParameterSource().addValue("user", user).addValue("key", key).addValue("hash", requestHash)
                        .addValue("now", Timestamp.from(now)));
    }

    void release(String user, String key) {
        jdbc.update("delete from idempotency_key where user_id = :user and idem_key = :key", Map.of("user", user, "key", key));
    }

    void answer(String user, String key, String caseNumber, String responseBody) {
        jdbc.update("update idempotency_key set case_number = :caseNumber, response_body = :body where user_id = :user and idem_key = :key",
                new MapSqlParameterSource().addValue("user", user).addValue("key", key).addValue("caseNumber", caseNumber)
                        .addValue("body", responseBody));
    }
}
