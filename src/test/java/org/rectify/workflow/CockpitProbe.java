package org.rectify.workflow;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * The test bean the timer of {@code cockpit/retry-probe.bpmn} calls (CockpitIT): it fails until
 * allowed and counts its calls. A component of the test class path, so that it joins the one
 * application context all integration tests share instead of making a second one.
 */
@Component("cockpitProbe")
public class CockpitProbe {

    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean allowed;

    public void run() {
        calls.incrementAndGet();
        if (!allowed) {
            throw new IllegalStateException("the probe is not allowed to succeed yet");
        }
    }

    void reset() {
        calls.set(0);
        allowed = false;
    }

    void allow() {
        allowed = true;
    }

    int calls() {
        return calls.get();
    }
}
