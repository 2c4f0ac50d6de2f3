package org.bianmin.cases.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/** Reads form variables as Tasklist submits them (Camunda Forms send lists as JSON). */
final class ProcessVariables {

    private ProcessVariables() {
    }

    static List<String> stringList(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof SpinJsonNode json) {
            if (json.isArray()) {
                json.elements().forEach(e -> result.add(e.isString() ? e.stringValue() : e.toString()));
            } else if (json.isString()) {
                result.add(json.stringValue());
            }
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(e -> result.add(String.valueOf(e)));
        } else if (value instanceof String text && !text.isBlank()) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    result.add(part.strip());
                }
            }
        } else {
            throw new IllegalArgumentException("variable " + name + " is not a list: " + value.getClass().getName());
        }
        return result;
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static Integer integer(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.valueOf(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new org.bianmin.web.ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "INVALID_FIELD",
                    name + ": 必须是整数 / must be a whole number");
        }
    }

    static Boolean bool(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
    }
}
