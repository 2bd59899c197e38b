package org.rectify.workflow;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;

/**
 * The engine's command contexts, which let go of their sessions once closed. Inside a Spring transaction each
 * command registers a synchronization that keeps its context until the transaction ends, and with it the
 * context's entity cache: an imported list of 10,000 problems, one transaction, held some 120 KB per problem
 * and ran out of a 512 MB heap. Once a command has closed, its sessions have flushed everything and are not
 * used again; what runs at commit (the engine's transaction listeners) opens contexts of its own.
 */
final class LeanCommandContexts extends CommandContextFactory {

    @Override
    public CommandContext createCommandContext() {
        return new LeanCommandContext(processEngineConfiguration);
    }

    private static final class LeanCommandContext extends CommandContext {

        LeanCommandContext(ProcessEngineConfigurationImpl configuration) {
            super(configuration);
        }

        @Override
        public void close(CommandInvocationContext invocation) {
            try {
                super.close(invocation);
            } finally {
                sessions.clear();
                sessionList.clear();
            }
        }
    }
}
