package org.bianmin.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link TimeText} through {@link InputWindow} (a Spring bean: the window is configuration). */
public class TimeTextValidator implements ConstraintValidator<TimeText, String> {

    private final InputWindow window;
    private TimeText.Kind kind;

    public TimeTextValidator(InputWindow window) {
        this.window = window;
    }

    @Override
    public void initialize(TimeText annotation) {
        kind = annotation.value();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null || value.isBlank()) {
            return true;
        }
        try {
            switch (kind) {
                case TIME -> window.time("", value);
                case DAY -> window.day("", value);
                case MONTH -> window.month("", value);
            }
            return true;
        } catch (ApiException refusal) {
            context.disableDefaultConstraintViolation();
            // the refusal's text without the field prefix: the handler names the field
            context.buildConstraintViolationWithTemplate(refusal.getMessage().replaceFirst("^: ", "").replace("{", "\\{"))
                    .addConstraintViolation();
            return false;
        }
    }
}
