package org.bianmin.identity;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.Query;
import org.springframework.stereotype.Component;

/**
 * Refuses every task query that a caller composes with an expression — at the top level, inside
 * {@code orQueries}, or in the query that extends a stored filter — before the engine evaluates it.
 * Camunda 7.24 CE checks only the top level of an ad-hoc query, so a clerk could make the engine
 * evaluate {@code ${...}} (and reach {@code Runtime}) through {@code orQueries}. Stored filters keep
 * their expressions ({@code ${currentUser()}}): only {@code camunda-admin} may create or change one.
 */
@Component
class TaskQueryExpressionGuard extends AbstractProcessEnginePlugin {

    static final String MESSAGE = "任务查询中不允许使用表达式 / expressions are not allowed in task queries";
    private static final Field EXTENDING_QUERY = extendingQueryField();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new Interceptor());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
        // belt and braces: the engine's own check of the top level of ad-hoc queries stays on
        configuration.setEnableExpressionsInAdhocQueries(false);
    }

    static final class Interceptor extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            // a TaskQueryImpl reaches the command executor only as an ad-hoc query: stored filters
            // are run inside their own command, without passing through here
            if (command instanceof TaskQueryImpl query) {
                refuseExpressions(query);
            } else if (command instanceof AbstractExecuteFilterCmd filterCommand
                    && extendingQuery(filterCommand) instanceof TaskQueryImpl extending) {
                refuseExpressions(extending);
            }
            return next.execute(command);
        }
    }

    static void refuseExpressions(TaskQueryImpl query) {
        for (TaskQueryImpl part : query.getQueries()) {
            if (!part.getExpressions().isEmpty()) {
                throw new BadUserRequestException(MESSAGE);
            }
        }
    }

    private static Query<?, ?> extendingQuery(AbstractExecuteFilterCmd command) {
        try {
            return (Query<?, ?>) EXTENDING_QUERY.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field extendingQueryField() {
        try {
            Field field = AbstractExecuteFilterCmd.class.getDeclaredField("extendingQuery");
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            // fails the start, not silently the guard, if an engine upgrade renames the field
            throw new IllegalStateException("Camunda's AbstractExecuteFilterCmd has no field extendingQuery", e);
        }
    }
}
