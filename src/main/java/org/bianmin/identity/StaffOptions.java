package org.bianmin.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** The window staff as the options of a form's select field: "姓名 (账号)", by account. */
public final class StaffOptions {

    private StaffOptions() {
    }

    public static void fill(ArrayNode values, IdentityService identity) {
        for (User user : identity.createUserQuery().memberOfGroup(Groups.CLERKS).orderByUserId().asc().list()) {
            // the name and the post people know, not the account id
            values.addObject().put("label", user.getFirstName() + (user.getLastName() == null ? "" : " " + user.getLastName()))
                    .put("value", user.getId());
        }
    }
}
