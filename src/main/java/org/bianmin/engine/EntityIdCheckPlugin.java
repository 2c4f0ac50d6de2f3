package org.bianmin.engine;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.springframework.stereotype.Component;

/**
 * The engine checks every entity's id before it is inserted, and builds the error message first:
 * the entity's {@code toString()} with all its fields, for every history row and runtime row, also
 * when the id is fine. That was 3 % of an overdue timer job's time (JFR, TimerDrainBenchmark). This
 * entity manager makes the same check and builds the message only when the check fails.
 */
@Component
class EntityIdCheckPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // after init: the engine's own factory is in the map and the id generator is set
        configuration.getSessionFactories().put(DbEntityManager.class, new Factory(configuration.getIdGenerator()));
    }

    static final class Factory extends DbEntityManagerFactory {
        Factory(IdGenerator idGenerator) {
            super(idGenerator);
        }

        @Override
        public DbEntityManager openSession() {
            return new Manager(idGenerator, Context.getCommandContext().getSession(PersistenceSession.class));
        }
    }

    static final class Manager extends DbEntityManager {
        Manager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
            super(idGenerator, persistenceSession);
        }

        @Override
        protected void validateId(DbEntity entity) {
            if (invalid(entity.getId())) {
                super.validateId(entity);
            }
        }

        /** What {@code EnsureUtil.ensureValidIndividualResourceId} refuses: no id, or the authorizations' wildcard. */
        static boolean invalid(String id) {
            return id == null || Authorization.ANY.equals(id);
        }
    }
}
