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
import org.camunda.bpm.engine.impl.variable.serializer.JavaObjectSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.springframework.stereotype.Component;

/**
 * Attaches the {@link StepContextListener} to every user task of every deployed process, and gives the engine
 * command contexts that let go of their sessions when closed ({@link LeanCommandContexts}), and takes Java
 * serialization out of its variable serializers: every variable of Rectify's processes is a string, a number or a
 * date, and a serialized Java object, written or read, is the classic way in for a deserialization attack.
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

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        VariableSerializers serializers = configuration.getVariableSerializers();
        serializers.removeSerializer(serializers.getSerializerByName(JavaObjectSerializer.NAME));
    }
}
