package org.bianmin.cases;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The case file (办件详情) at {@code /cases/{caseNumber}} and the case search at {@code /cases/}:
 * static pages whose data come from the case API with the webapps' login.
 */
@Controller
class CaseFilePages {

    @GetMapping({"/cases", "/cases/"})
    String search() {
        return "forward:/case-file/search.html";
    }

    @GetMapping("/cases/{caseNumber:" + CaseRecord.NUMBER_PATTERN + "}")
    String file() {
        return "forward:/case-file/index.html";
    }
}
