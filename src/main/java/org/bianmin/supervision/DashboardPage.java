package org.bianmin.supervision;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The supervisor dashboard lives at {@code /dashboard/} (static page; its data needs a supervisor's login). */
@Controller
class DashboardPage {

    @GetMapping({"/dashboard", "/dashboard/"})
    String page() {
        return "redirect:/dashboard/index.html";
    }
}
