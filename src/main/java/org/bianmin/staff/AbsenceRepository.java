package org.bianmin.staff;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code staff_absence}: leave, business trips and temporary absences. */
@Repository
class AbsenceRepository {

    private static final RowMapper<Absence> MAPPER = (rs, i) -> new Absence(rs.getLong("id"), rs.getString("staff"),
            AbsenceKind.valueOf(rs.getString("kind")), rs.getTimestamp("absent_from").toInstant(),
            rs.getTimestamp("absent_until").toInstant(), rs.getString("note"), rs.getString("recorded_by"),
            rs.getTimestamp("recorded_at").toInstant());

    private final NamedParameterJdbcTemplate jdbc;

    AbsenceRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String staff, AbsenceKind kind, Instant from, Instant until, String note, String recordedBy, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into staff_absence (staff, kind, absent_from, absent_until, note, recorded_by, recorded_at)
                values (:staff, :kind, :from, :until, :note, :by, :at)""",
                new MapSqlParameterSource("staff", staff).addValue("kind", kind.name()).addValue("from", Timestamp.from(from))
                        .addValue("until", Timestamp.from(until)).addValue("note", note).addValue("by", recordedBy)
                        .addValue("at", Timestamp.from(at)), keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    Optional<Absence> find(long id) {
        return jdbc.query("select * from staff_absence where id = :id", new MapSqlParameterSource("id", id), MAPPER)
                .stream().findFirst();
    }

    /** Absences of anyone (staff null) or of one person overlapping [from, until). */
    List<Absence> overlapping(String staff, Instant from, Instant until) {
        return jdbc.query("""
                select * from staff_absence where (cast(:staff as varchar(64)) is null or staff = :staff)
                  and absent_from < :until and absent_until > :from order by absent_from, id""",
                new MapSqlParameterSource("staff", staff).addValue("from", Timestamp.from(from))
                        .addValue("until", Timestamp.from(until)), MAPPER);
    }

    /** The person's absence in force at the moment, if any. */
    Optional<Absence> at(String staff, Instant at) {
        return jdbc.query("""
                select * from staff_absence where staff = :staff and absent_from <= :at and absent_until > :at
                order by absent_from, id""",
                new MapSqlParameterSource("staff", staff).addValue("at", Timestamp.from(at)), MAPPER).stream().findFirst();
    }

    List<Absence> all() {
        return jdbc.query("select * from staff_absence order by absent_from, id", MAPPER);
    }
}
