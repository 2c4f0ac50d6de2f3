package org.bianmin.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bianmin.identity.Action;
import org.bianmin.identity.CurrentUser;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * What the viewer of a case file may do with the case now: each action its state allows and the
 * viewer's role and relation to the case permit (the same rules the API enforces).
 */
@Component
class CaseActions {

    /** A button of the case file: {@code action} names the form, {@code label} is what it says. */
    public record ActionView(String action, String label) {
    }

    private final CaseAccess access;
    private final NoticeReissue reissue;

    CaseActions(CaseAccess access, NoticeReissue reissue) {
        this.access = access;
        this.reissue = reissue;
    }

    List<ActionView> of(CurrentUser user, CaseRecord c) {
        boolean belongs = access.belongs(user, c);
        List<ActionView> actions = new ArrayList<>();
        boolean running = c.state() == CaseState.IN_PROGRESS;
        add(actions, user, belongs, Action.CASE_SUPPLEMENT, SupplementService.owesMaterials(c), "supplement", "接收补正材料");
        add(actions, user, belongs, Action.CASE_EXTENSION, running && c.extensionMaxDays() > 0
                && c.extensionsUsed() < c.extensionMaxCount() && c.extensionState() != CaseRecord.ExtensionState.REQUESTED,
                "extension", "申请延期");
        add(actions, user, belongs, Action.CASE_DELAY_NOTICE, running && !c.delayNotice(), "delay", "申请滞办告知");
        add(actions, user, belongs, Action.CASE_PROXY, running, "proxy", "委托代办");
        Instant now = ClockUtil.getCurrentTime().toInstant();
        add(actions, user, belongs, Action.SUPERVISION_ORDER, running && c.warnAt() != null && !now.isBefore(c.warnAt()),
                "supervision-order", "下达督办单");
        add(actions, user, belongs, Action.CASE_WITHDRAWAL, running || c.state() == CaseState.WAITING_SUPPLEMENT,
                "withdrawal", "登记撤回申请");
        for (var type : reissue.outdated(c)) {
            add(actions, user, belongs, Action.CASE_NOTICE_REISSUE, true, "reissue-" + type.slug(),
                    "重新出具" + type.title() + "(工作日历调整, 时限已变)");
        }
        add(actions, user, belongs, Action.CASE_EVALUATION, c.state() == CaseState.COMPLETED || c.state() == CaseState.REJECTED,
                "evaluation", "登记好差评");
        return actions;
    }

    private static void add(List<ActionView> actions, CurrentUser user, boolean belongs, Action action, boolean allowedNow,
                            String name, String label) {
        if (allowedNow && action.allows(user) && (action.scope() != Action.Scope.CASE || belongs)) {
            actions.add(new ActionView(name, label));
        }
    }
}
