package org.bianmin.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The index the job executor's acquisition needs once it takes due jobs in due-date order
 * ({@code jobExecutorAcquireByDueDate} in {@code application.yaml}): the engine's schema has none on
 * {@code ACT_RU_JOB.DUEDATE_}, so without it every acquisition sorts the whole job table — a
 * timer per open case and step. Created after the engine made its tables; a node that finds it
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
        try {
            jdbc.execute("create index if not exists bianmin_job_due_date on act_ru_job (duedate_)");
        } catch (DataAccessException createdByAnotherNode) {
            log.info("Index bianmin_job_due_date not created here ({}); another node is creating it", createdByAnotherNode.getMessage());
        }
    }
}
