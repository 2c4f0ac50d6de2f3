package org.bianmin.rules;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The rule administration page lives at {@code /rules/} (static files; its data needs a login). */
@Controller
class RuleAdminPage {

    @GetMapping({"/rules", "/rules/"})
    String page(HttpServletRequest request) {
        String query = request.getQueryString();
        return "redirect:/rules/index.html" + (query == null || query.matches(".*[\\r\\n].*") ? "" : "?" + query);
    }
}
