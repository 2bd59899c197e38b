package org.rectify.workflow;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectify.support.IntegrationTest;
import org.rectify.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded engine offers an attacker nothing (issue 14): no engine REST API but Cockpit's, and that one for
 * administrators only; no variable ever written or read by Java serialization; no expression evaluated from a query,
 * ad hoc or stored; and a process model cannot read the server's files through an XML external entity.
 */
class CamundaHardeningIT extends IntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    FilterService filters;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void theEngineIsConfiguredAsDocumented() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
        assertThat(configuration.isEnableExpressionsInStoredQueries()).isFalse();
        assertThat(configuration.isEnableXxeProcessing()).isFalse();
        assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
        assertThat(configuration.getVariableSerializers().getSerializerByName("serializable"))
                .as("no Java serialization at all")
                .isNull();
    }

    @Test
    void thereIsNoEngineRestApiButCockpitsAndThatOneForAdministratorsOnly() {
        WebSession anonymous = WebSession.anonymous(port);
        for (String path : List.of(
                "/engine-rest/engine",
                "/engine-rest/process-definition",
                "/rest/engine",
                "/engine-rest/engine/default/process-instance")) {
            assertThat(anonymous.get(path, Map.of("Accept", "application/json")).status())
                    .as(path)
                    .isIn(401, 404);
        }
        String definitions = CockpitIT.ENGINE_API + "/process-definition";
        assertThat(anonymous
                        .get(definitions, Map.of("Accept", "application/json"))
                        .status())
                .isEqualTo(401);
        for (String user : List.of("staff.fpj", "head.fpj", "office", "leader", "inspector")) {
            WebSession signedIn = WebSession.signIn(port, user);
            assertThat(signedIn.get(definitions, Map.of("Accept", "application/json"))
                            .status())
                    .as(user)
                    .isEqualTo(403);
            // Signed in on the browser, still nothing at the usual REST paths.
            assertThat(signedIn.get("/engine-rest/engine", Map.of("Accept", "application/json"))
                            .status())
                    .as(user)
                    .isIn(401, 403, 404);
        }
        assertThat(WebSession.signIn(port, "admin")
                        .get(definitions, Map.of("Accept", "application/json"))
                        .expect(200)
                        .text())
                .contains("rectification");
    }

    @Test
    void noVariableIsWrittenOrReadByJavaSerialization() {
        deployProbe();
        long before = runtime.createProcessInstanceQuery()
                .processDefinitionKey("hardening-probe")
                .count();
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(
                        "hardening-probe",
                        Variables.createVariables()
                                .putValueTyped(
                                        "payload",
                                        Variables.objectValue(new Payload("x"))
                                                .serializationDataFormat(Variables.SerializationDataFormats.JAVA)
                                                .create())))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("serializ");
        // Not even as bytes a client says are serialized Java, to be read back later.
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(
                        "hardening-probe",
                        Variables.createVariables()
                                .putValueTyped(
                                        "payload",
                                        Variables.serializedObjectValue("rO0ABXQAAXg=")
                                                .serializationDataFormat(Variables.SerializationDataFormats.JAVA)
                                                .objectTypeName("java.lang.String")
                                                .create())))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("hardening-probe")
                        .count())
                .as("nothing started")
                .isEqualTo(before);
        // And none of the demo data's processes holds one.
        assertThat(jdbc.queryForObject(
                        "select count(*) from ACT_RU_VARIABLE where TYPE_ not in"
                                + " ('string', 'long', 'integer', 'boolean', 'date', 'null', 'double', 'short')",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_VARIABLE where TYPE_ = 'long'", Long.class))
                .as("the query sees the variables")
                .isPositive();
    }

    @Test
    void queriesEvaluateNoExpressions() {
        assertThatThrownBy(() -> tasks.createTaskQuery()
                        .taskAssigneeExpression("${execution.getProcessEngineServices()}")
                        .list())
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("xpression");
        Filter filter = filters.newTaskFilter("hardening")
                .setQuery(tasks.createTaskQuery().taskCandidateUserExpression("${currentUser()}"));
        assertThatThrownBy(() -> filters.saveFilter(filter)).isInstanceOf(ProcessEngineException.class);
        assertThat(filters.createFilterQuery().filterName("hardening").count()).isZero();
    }

    @Test
    void aModelCannotReadTheServersFilesThroughAnExternalEntity() throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-VALUE");
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE definitions [<!ENTITY secret SYSTEM "%s">]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="xxe" targetNamespace="https://rectify.org/test">
                  <bpmn:process id="xxe-probe" name="&secret;" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="start"/>
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(secret.toUri());
        assertThatThrownBy(() -> repository
                        .createDeployment()
                        .name("xxe-probe")
                        .addString("xxe.bpmn", model)
                        .deploy())
                .isInstanceOf(ProcessEngineException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET-VALUE"));
        assertThat(repository
                        .createDeploymentQuery()
                        .deploymentName("xxe-probe")
                        .count())
                .isZero();
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("xxe-probe")
                        .count())
                .isZero();
    }

    private void deployProbe() {
        repository
                .createDeployment()
                .name("hardening-probe")
                .enableDuplicateFiltering(true)
                .addModelInstance(
                        "hardening-probe.bpmn",
                        Bpmn.createExecutableProcess("hardening-probe")
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .receiveTask()
                                .endEvent()
                                .done())
                .deploy();
    }

    record Payload(String value) implements Serializable {}
}
