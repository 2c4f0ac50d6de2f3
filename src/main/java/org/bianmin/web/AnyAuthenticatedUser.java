package org.bianmin.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An {@code /api} handler that every authenticated user may call (the calendar): features that
 * cannot depend on the identity feature declare it so instead of naming an action.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AnyAuthenticatedUser {
}
