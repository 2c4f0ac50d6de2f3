package org.bianmin.engine;

import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Fills {@code task_record} of an existing database from the engine's history once: the tasks its
 * cases completed before the record existed, with the assignee (else the user of the completion in
 * the operation log) and the note the history kept for the task. A new database has no engine
 * tables yet when Flyway runs: then there is nothing to copy.
 */
@Component
public class V17__CopyCompletedTasksFromEngineHistory extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V17__CopyCompletedTasksFromEngineHistory.class);

    private static final String COPY = """
            insert into task_record (task_id, business_key, task_name, completed_at, completed_by, note)
            select t.ID_, p.BUSINESS_KEY_, t.NAME_, t.END_TIME_,
                   coalesce(t.ASSIGNEE_, (select max(o.USER_ID_) from ACT_HI_OP_LOG o
                                          where o.TASK_ID_ = t.ID_ and o.OPERATION_TYPE_ = 'Complete')),
                   (select max(d.TEXT_) from ACT_HI_DETAIL d
                    where (d.TASK_ID_ = t.ID_ or d.ACT_INST_ID_ = t.ACT_INST_ID_) and d.TYPE_ = 'VariableUpdate'
                      and d.NAME_ in (%s) and d.TEXT_ is not null and d.TEXT_ <> '')
            from ACT_HI_TASKINST t join ACT_HI_PROCINST p on p.ID_ = t.PROC_INST_ID_
            where t.END_TIME_ is not null and t.DELETE_REASON_ = 'completed' and p.BUSINESS_KEY_ is not null""".formatted(
            String.join(", ", TaskNotes.NOTE_VARIABLES.stream().sorted().map(name -> "'" + name + "'").toList()));

    @Override
    public void migrate(Context context) throws SQLException {
        if (!EngineTables.exist(context.getConnection(), "ACT_HI_TASKINST", "ACT_HI_PROCINST", "ACT_HI_OP_LOG", "ACT_HI_DETAIL")) {
            return;
        }
        try (Statement statement = context.getConnection().createStatement()) {
            int copied = statement.executeUpdate(COPY);
            log.info("Copied {} completed tasks from the engine's history to task_record", copied);
        }
    }
}
