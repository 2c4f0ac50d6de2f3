package org.bianmin.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The index the job executor's acquisition needs: with {@code ensureJobDueDateNotNull}
 * ({@code application.yaml}) it selects jobs by "due date &lt;= now" alone, and the engine's schema has
 * no index on {@code ACT_RU_JOB.DUEDATE_}, so without it every acquisition reads the whole job
 * table — a timer per open case and step. Each acquisition also looks for the exclusive jobs other
 * threads hold (locked, not yet done) and, with no index for that, read the job table once more:
 * 2.3 ms an acquisition while 10 000 jobs were due (TimerDrainBenchmark); on PostgreSQL a partial
 * index holds just the locked jobs. Created after the engine made its tables; a node that finds them
 * made by another meanwhile goes on.
 */
@Component
class JobAcquisitionIndex {

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionIndex.class);

    private final JdbcTemplate jdbc;

    JobAcquisitionIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void ensure() {
        create("bianmin_job_due_date", "create index if not exists bianmin_job_due_date on act_ru_job (duedate_)");
        if (postgres()) {
            create("bianmin_job_locked", "create index if not exists bianmin_job_locked on act_ru_job (lock_exp_time_)"
                    + " where lock_owner_ is not null");
        }
        // jobs an earlier release left without a due date: with ensureJobDueDateNotNull the acquisition takes only dated jobs
        int dated = jdbc.update("update act_ru_job set duedate_ = ? where duedate_ is null",
                new java.sql.Timestamp(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime()));
        if (dated > 0) {
            log.info("{} jobs without a due date are due now", dated);
        }
    }

    private void create(String index, String statement) {
        try {
            jdbc.execute(statement);
        } catch (DataAccessException createdByAnotherNode) {
            log.info("Index {} not created here ({}); another node is creating it", index, createdByAnotherNode.getMessage());
        }
    }

    private boolean postgres() {
        return DatabaseProduct.isPostgres(jdbc);
    }
}
