package org.bianmin.inquiries;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code inquiry}: the first-inquiry register. */
@Repository
public class InquiryRepository {

    private final NamedParameterJdbcTemplate jdbc;

    public InquiryRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Inquiry inquiry) {
        var keys = new GeneratedKeyHolder();
        jdbc.update("""
                insert into inquiry (asked_at, channel, name, organization, phone, item_code, matter, answer, referred_to, first_person)
                values (:askedAt, :channel, :name, :organization, :phone, :itemCode, :matter, :answer, :referredTo, :firstPerson)""",
                new MapSqlParameterSource()
                        .addValue("askedAt", Timestamp.from(inquiry.askedAt())).addValue("channel", inquiry.channel())
                        .addValue("name", inquiry.name()).addValue("organization", inquiry.organization())
                        .addValue("phone", inquiry.phone()).addValue("itemCode", inquiry.itemCode())
                        .addValue("matter", inquiry.matter()).addValue("answer", inquiry.answer())
                        .addValue("referredTo", inquiry.referredTo()).addValue("firstPerson", inquiry.firstPerson()),
                keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    /** An inquiry with its referral: the person it was referred to and the referred window's answer. */
    public record Entry(Inquiry inquiry, String referredPerson, String referralAnswer, String referralAnsweredBy,
                        Instant referralAnsweredAt) {
    }

    private static final RowMapper<Entry> ENTRY = (rs, i) -> new Entry(new Inquiry(rs.getLong("id"),
            rs.getTimestamp("asked_at").toInstant(), rs.getString("channel"), rs.getString("name"), rs.getString("organization"),
            rs.getString("phone"), rs.getString("item_code"), rs.getString("matter"), rs.getString("answer"),
            rs.getString("referred_to"), rs.getString("first_person")), rs.getString("referred_person"),
            rs.getString("referral_answer"), rs.getString("referral_answered_by"),
            rs.getTimestamp("referral_answered_at") == null ? null : rs.getTimestamp("referral_answered_at").toInstant());

    public void referToPerson(long id, String person) {
        jdbc.update("update inquiry set referred_person = :person where id = :id",
                new MapSqlParameterSource("id", id).addValue("person", person));
    }

    public void recordReferralAnswer(long id, String answer, String by, Instant at) {
        jdbc.update("""
                update inquiry set referral_answer = :answer, referral_answered_by = :by, referral_answered_at = :at
                where id = :id""", new MapSqlParameterSource("id", id).addValue("answer", answer).addValue("by", by)
                .addValue("at", Timestamp.from(at)));
    }

    public Optional<Entry> find(long id) {
        return jdbc.query("select * from inquiry where id = :id", new MapSqlParameterSource("id", id), ENTRY).stream().findFirst();
    }

    /** Entries of a first person (or all) asked in [from, to), newest first. */
    public List<Entry> list(String firstPerson, Instant from, Instant to) {
        return jdbc.query("""
                select * from inquiry where (cast(:person as varchar(64)) is null or first_person = :person)
                  and asked_at >= :from and asked_at < :to order by asked_at desc, id desc""",
                new MapSqlParameterSource("person", firstPerson).addValue("from", Timestamp.from(from))
                        .addValue("to", Timestamp.from(to)), ENTRY);
    }
}
