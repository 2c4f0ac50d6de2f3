package org.bianmin.engine;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Separation of duties in Tasklist and the engine's REST API: nobody completes the approval of a
 * request he made himself — the director who asked for an extension or a delay notice, denied an
 * application or booked an urgent appointment, the supervisor whose own accountability record
 * is under review, or the writer of a rule version. Checked before the completion command runs (a task listener's refusal would
 * reach the REST API as a 500), so the refusal is a 403 naming the reason and the task stays open.
 */
@Component
class SelfApprovalGuard extends AbstractProcessEnginePlugin {

    /** Approval task → the variable naming whose request (or record) it decides, and what that is. */
    static final Map<String, String[]> APPROVALS = Map.of(
            "approveExtension", new String[] {"requestedBy", "延期申请"},
            "approveDelay", new String[] {"requestedBy", "滞办告知申请"},
            "fileDenial", new String[] {"registeredBy", "否定报备"},
            "approveAppointment", new String[] {"bookedBy", "紧急预约"},
            "reviewRecord", new String[] {"staff", "问责记录"},
            // the rule version's author and its submitter, comma-separated
            "approveRulePublication", new String[] {"ruleAuthors", "规则版本"});

    private static final Field COMPLETE_TASK_ID = field(CompleteTaskCmd.class);
    private static final Field SUBMIT_TASK_ID = field(SubmitTaskFormCmd.class);

    private TaskService tasks;
    private IdentityService identity;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new Interceptor());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        tasks = configuration.getTaskService();
        identity = configuration.getIdentityService();
    }

    private final class Interceptor extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            String taskId = command instanceof CompleteTaskCmd ? read(COMPLETE_TASK_ID, command)
                    : command instanceof SubmitTaskFormCmd ? read(SUBMIT_TASK_ID, command) : null;
            if (taskId != null) {
                check(taskId);
            }
            return next.execute(command);
        }
    }

    private void check(String taskId) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return;
        }
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        String[] approval = task == null ? null : APPROVALS.get(task.getTaskDefinitionKey());
        Object requester = approval == null ? null : tasks.getVariable(taskId, approval[0]);
        if (requester != null && List.of(requester.toString().split(",")).contains(authentication.getUserId())) {
            throw new AuthorizationException("不能审批或决定本人的" + approval[1] + ", 请由其他负责人处理 / nobody approves or "
                    + "decides their own request");
        }
    }

    private static String read(Field field, Object command) {
        try {
            return (String) field.get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Class<?> command) {
        try {
            Field taskId = command.getDeclaredField("taskId");
            taskId.setAccessible(true);
            return taskId;
        } catch (NoSuchFieldException e) {
            // fails the start, not silently the guard, if an engine upgrade renames the field
            throw new IllegalStateException(command.getName() + " has no field taskId", e);
        }
    }
}
