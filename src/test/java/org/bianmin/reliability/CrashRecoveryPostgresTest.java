package org.bianmin.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bianmin.support.BianminProcess;
import org.bianmin.support.PostgresIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Bianmin as its own JVM on PostgreSQL, registering from several threads, killed with SIGKILL in
 * the middle of the load and started again: every acknowledged case is there with its process
 * instance and its timers, a retry of every request (with its Idempotency-Key) creates no second
 * case, and no process instance is without its case or the other way round.
 *
 * <p>Short form in {@code mvn -B verify} (one round, a few seconds of load); the long form is
 * {@code mvn -B test -Dtest=CrashRecoveryPostgresTest -Dbianmin.crash.rounds=5 -Dbianmin.crash.cases=2000}
 * (docs/reliability.md).
 */
class CrashRecoveryPostgresTest {

    private static final int ROUNDS = Integer.getInteger("bianmin.crash.rounds", 1);
    /** Acknowledged cases to wait for before the kill, per round. */
    private static final int CASES = Integer.getInteger("bianmin.crash.cases", 60);
    private static final Duration BOOT = Duration.ofMinutes(4);

    @Test
    void everyAcknowledgedCaseSurvivesAKillMidLoadAndNoRetryDuplicatesIt() throws Exception {
        String jdbcUrl = PostgresIntegrationTest.freshDatabase("bianmin_crash");
        Map<RegistrationLoad.Request, String> acknowledged = new HashMap<>();
        List<RegistrationLoad.Request> attempted = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            RegistrationLoad load = new RegistrationLoad("crash" + round, (round - 1) * 30_000, 30_000);
            try (BianminProcess node = new BianminProcess("crash-node-" + round, jdbcUrl).start(BOOT)) {
                load.start(node.url(""), 4);
                load.awaitAcknowledged(CASES, Duration.ofMinutes(2));
                node.kill();
                load.stopAndJoin();
            }
            assertThat(load.acknowledgedCount()).as("round %d acknowledged cases before the kill", round).isPositive();
            System.out.printf("crash round %d: %d acknowledged before SIGKILL, %d in flight%n", round, load.acknowledgedCount(),
                    load.inFlight().size());
            acknowledged.putAll(load.acknowledged());
            attempted.addAll(load.acknowledged().keySet());
            attempted.addAll(load.inFlight().keySet());

            // the node comes back; every request is retried with its key, as a portal would
            try (BianminProcess restarted = new BianminProcess("crash-restart-" + round, jdbcUrl).start(BOOT)) {
                for (RegistrationLoad.Request request : attempted) {
                    HttpResponse<String> retry = load.send(restarted.url(""), request);
                    assertThat(retry.statusCode()).as(request.key() + ": " + retry.body()).isEqualTo(201);
                    String caseNumber = RegistrationLoad.caseNumber(retry.body());
                    if (acknowledged.containsKey(request)) {
                        assertThat(caseNumber).as("a retry returns the acknowledged case").isEqualTo(acknowledged.get(request));
                    } else {
                        acknowledged.put(request, caseNumber);
                    }
                }
            }
        }

        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            for (Map.Entry<RegistrationLoad.Request, String> ack : acknowledged.entrySet()) {
                String caseNumber = ack.getValue();
                assertThat(count(db, "select count(*) from case_record where case_number = ? and applicant_id_number = ?",
                        caseNumber, ack.getKey().idNumber())).as("case " + caseNumber + " is there").isOne();
                assertThat(count(db, "select count(*) from case_record where applicant_id_number = ?", ack.getKey().idNumber()))
                        .as("no second case for " + ack.getKey().key()).isOne();
                assertThat(count(db, "select count(*) from act_ru_execution where business_key_ = ? and parent_id_ is null",
                        caseNumber)).as("the process of " + caseNumber).isPositive();
                assertThat(count(db, "select count(*) from act_ru_job j join act_ru_execution e on j.process_instance_id_ = e.id_ "
                        + "where e.business_key_ = ? and j.type_ = 'timer'", caseNumber)).as("the timers of " + caseNumber).isPositive();
            }
            assertThat(count(db, "select count(*) from case_record c where c.state in ('IN_PROGRESS', 'WAITING_SUPPLEMENT') and not exists "
                    + "(select 1 from act_ru_execution e where e.business_key_ = c.case_number and e.parent_id_ is null)"))
                    .as("running cases without a process").isZero();
            assertThat(count(db, "select count(*) from act_ru_execution e where e.parent_id_ is null and e.business_key_ like 'BM%' "
                    + "and not exists (select 1 from case_record c where c.case_number = e.business_key_)"))
                    .as("processes without a case").isZero();
            assertThat(count(db, "select count(*) from case_record")).isEqualTo(acknowledged.size());
            System.out.printf("crash test: %d cases after %d rounds, 0 lost, 0 duplicated, 0 orphans%n", acknowledged.size(), ROUNDS);
        }
    }

    private static long count(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
