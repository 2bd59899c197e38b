package org.rectify.workflow;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Attaches the {@link StepContextListener} to every user task of every deployed process, and gives the engine
 * command contexts that let go of their sessions when closed ({@link LeanCommandContexts}).
 */
@Component
class EngineSetup extends AbstractProcessEnginePlugin {

    private final StepContextListener stepContext;

    EngineSetup(StepContextListener stepContext) {
        this.stepContext = stepContext;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        LeanCommandContexts contexts = new LeanCommandContexts();
        contexts.setProcessEngineConfiguration(configuration); // the engine sets it only on its own factory
        configuration.setCommandContextFactory(contexts);
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior())
                        .getTaskDefinition()
                        .addTaskListener(TaskListener.EVENTNAME_CREATE, stepContext);
            }
        });
    }
}
