package org.bianmin.assessment;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** 月度考核汇总表 at {@code /assessment/}: a static page over {@code /api/assessments} (webapp login). */
@Controller
class AssessmentPage {

    @GetMapping({"/assessment", "/assessment/"})
    String page() {
        return "forward:/assessment/index.html";
    }
}
