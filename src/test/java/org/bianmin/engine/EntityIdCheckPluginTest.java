package org.bianmin.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.junit.jupiter.api.Test;

/** The entity manager checks ids as the engine does, and describes the entity only when one is refused. */
class EntityIdCheckPluginTest {

    private final EntityIdCheckPlugin.Manager manager = new EntityIdCheckPlugin.Manager(() -> "7", null);

    @Test
    void anEntityWithAnIdOrWithoutOneIsTaken() {
        TaskEntity numbered = task("42");
        TaskEntity unnumbered = task(null);
        manager.insert(numbered);
        manager.insert(unnumbered);
        assertThat(manager.getCachedEntity(TaskEntity.class, "42")).isSameAs(numbered);
        assertThat(unnumbered.getId()).isEqualTo("7");
    }

    @Test
    void theWildcardIsRefusedWithTheEnginesMessage() {
        TaskEntity wildcard = task("*");
        assertThatThrownBy(() -> manager.insert(wildcard)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("has an invalid id").hasMessageContaining("is a reserved identifier")
                .hasMessageStartingWith("Entity Task[*]");
        assertThat(manager.getCachedEntity(TaskEntity.class, "*")).isNull();
    }

    private static TaskEntity task(String id) {
        TaskEntity task = new TaskEntity();
        task.setId(id);
        return task;
    }
}
