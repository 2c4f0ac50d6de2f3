package org.bianmin.notices;

import java.util.Locale;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Renders a notice as printable Chinese HTML ({@code templates/notices/notice.html}). */
@Component
public class NoticeRenderer {

    private final TemplateEngine templates;

    public NoticeRenderer(TemplateEngine templates) {
        this.templates = templates;
    }

    public String render(NoticeDocument document) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariable("n", document);
        return templates.process("notices/notice", context);
    }
}
