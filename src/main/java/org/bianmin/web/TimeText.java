package org.bianmin.web;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date or time sent as text: {@link Kind#TIME} is ISO-8601 with an offset, {@link Kind#DAY}
 * {@code yyyy-MM-dd}, {@link Kind#MONTH} {@code yyyy-MM} — each within the plausible years of
 * {@link InputWindow}. Null passes.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TimeTextValidator.class)
public @interface TimeText {

    enum Kind { TIME, DAY, MONTH }

    Kind value() default Kind.TIME;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
