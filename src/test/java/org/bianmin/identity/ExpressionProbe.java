package org.bianmin.identity;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * A bean with a visible side effect, resolvable by name in engine expressions
 * ({@code ${expressionProbe.touch()}}): the expression-guard tests prove it is never called. A
 * test-source component, so every test context has it and Spring still caches one context.
 */
@Component("expressionProbe")
public class ExpressionProbe {

    private final AtomicInteger calls = new AtomicInteger();

    public String touch() {
        calls.incrementAndGet();
        return "%";
    }

    public int calls() {
        return calls.get();
    }

    public void reset() {
        calls.set(0);
    }
}
