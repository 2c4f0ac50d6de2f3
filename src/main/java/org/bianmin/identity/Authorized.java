package org.bianmin.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The action an {@code /api} handler performs. {@link AuthorizationInterceptor} checks it — the
 * role, and for a case-scoped action whether the caller belongs to the case named by the path
 * variable {@code caseNumber} — before the request body is read. A handler without it is refused.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Authorized {

    Action value();
}
