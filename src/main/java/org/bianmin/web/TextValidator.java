package org.bianmin.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Text}: length in characters (code points) and no control characters. */
public class TextValidator implements ConstraintValidator<Text, String> {

    private int max;
    private boolean multiline;

    @Override
    public void initialize(Text text) {
        max = text.max();
        multiline = text.multiline();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String problem = null;
        if (value.codePointCount(0, value.length()) > max) {
            problem = "长度不能超过" + max + "个字符 / at most " + max + " characters";
        } else if (value.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
                && !(multiline && (c == '\n' || c == '\t' || c == '\r')))) {
            problem = multiline ? "不能包含控制字符 / must not contain control characters"
                    : "须为单行文字, 不能包含换行或控制字符 / must be a single line without control characters";
        }
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem.replace("{", "\\{")).addConstraintViolation();
        return false;
    }
}
