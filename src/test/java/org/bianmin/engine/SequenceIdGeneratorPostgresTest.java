package org.bianmin.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.bianmin.support.PostgresIntegrationTest;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The engine's ids come from the database sequence: numbers, never the same twice, across nodes and rollbacks. */
class SequenceIdGeneratorPostgresTest extends PostgresIntegrationTest {

    @Autowired DataSource dataSource;
    @Autowired TaskService tasks;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void whatTheEngineSavesGetsANumberFromTheSequence() {
        Task task = tasks.newTask();
        tasks.saveTask(task);
        try {
            assertThat(task.getId()).matches("[1-9][0-9]*");
        } finally {
            tasks.deleteTask(task.getId(), true);
        }
    }

    @Test
    void theEngineStillRefusesTheWildcardAsAnId() {
        // the entity manager of EntityIdCheckPlugin makes the engine's check
        Task wildcard = tasks.newTask("*");
        assertThatThrownBy(() -> tasks.saveTask(wildcard)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("is a reserved identifier");
        assertThat(tasks.createTaskQuery().taskId("*").count()).isZero();
    }

    @Test
    void twoNodesTakingIdsAtOnceNeverGetTheSameOne() throws Exception {
        // two generators on one database, as two nodes have: each hands out its own blocks
        List<SequenceIdGenerator> nodes = List.of(new SequenceIdGenerator(dataSource), new SequenceIdGenerator(dataSource));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> taken = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                SequenceIdGenerator node = nodes.get(t % 2);
                taken.add(threads.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < 2_500; i++) {
                        ids.add(node.getNextId());
                    }
                    return ids;
                }));
            }
            Set<String> distinct = new HashSet<>();
            int all = 0;
            for (Future<List<String>> ids : taken) {
                distinct.addAll(ids.get());
                all += ids.get().size();
            }
            assertThat(all).isEqualTo(10_000);
            assertThat(distinct).hasSize(10_000); // 10 blocks or more, from two nodes, none handed out twice
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aBlockTakenByATransactionThatRollsBackIsNotHandedOutAgain() throws Exception {
        SequenceIdGenerator first = new SequenceIdGenerator(dataSource);
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        List<Long> firstBlock = new ArrayList<>();
        rolledBack.executeWithoutResult(status -> {
            firstBlock.add(Long.parseLong(first.getNextId()));
            status.setRollbackOnly();
        });
        long other = Long.parseLong(new SequenceIdGenerator(dataSource).getNextId());
        long start = firstBlock.get(0);
        assertThat(other < start || other > start + SequenceIdGenerator.BLOCK - 1)
                .as("%d lies outside the rolled-back block %d–%d", other, start, start + SequenceIdGenerator.BLOCK - 1).isTrue();
    }
}
