package org.rectify.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.rectify.common.Zones;
import org.rectify.deadline.DeadlineType;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.NewRound;
import org.rectify.intake.Workbooks;
import org.rectify.notification.MailOutboxSender;
import org.rectify.org.NewUnit;
import org.rectify.org.NewUser;
import org.rectify.org.OrgSetup;
import org.rectify.org.Role;
import org.rectify.org.UnitKind;
import org.rectify.problem.NewProblem;
import org.rectify.problem.ProblemLifecycle;
import org.rectify.problem.ResponsibilityInput;
import org.rectify.problem.Severity;
import org.rectify.problem.TriageProblem;
import org.rectify.support.ApiClient;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Scenario;
import org.rectify.support.SecondNode;
import org.rectify.support.SignedIn;
import org.rectify.task.TaskBreakdown;
import org.rectify.task.TaskDraft;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of a node in the middle of its work (issue 14): a second node (its own JVM on the test database) is
 * killed while it drains due timers, and while it sends a batch of emails; the surviving node (this JVM) takes
 * over what the dead one held once its locks and claims expire. Nothing is lost, nothing fires twice; an email
 * may go out twice at most for the one the dead node was sending (see {@code MailOutboxSender}), under one
 * Message-ID. The kill lands on the first sign of progress; the invariants are asserted however far it got.
 */
class NodeCrashIT extends IntegrationTest {

    private static final int PROBLEMS = 6;
    private static final int TASKS = 40;
    private static final int EMAILS = 150;
    private static final int IMPORTED = 150;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrgSetup setup;

    @Autowired
    ProcessEngine engine;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ProblemLifecycle lifecycle;

    @Autowired
    TaskBreakdown breakdown;

    @Autowired
    InspectionRounds rounds;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    UserDetailsService users;

    @Autowired
    MailOutboxSender mail;

    @Autowired
    TaskService tasks;

    @Autowired
    Clock clock;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    /** A county of the test's own, so that its tasks and emails stay out of the demo units' lists. */
    private record County(String tag, long unit, long leader, long staff) {}

    @Test
    void timersHeldByAKilledNodeFireOnceOnTheSurvivor() throws Exception {
        County county = county("crash");
        long round = problemsWithWarningsDue(county);
        int expected = PROBLEMS * TASKS;
        Set<String> mine = instancesOf(round);
        // Every job held back, so that the node starts idle; then only this round's are let go: the node drains
        // them, and the demo's and the other tests' jobs stay as they are.
        List<String> held = management.createJobQuery().active().list().stream()
                .map(Job::getId)
                .toList();
        held.forEach(management::suspendJobById);
        long atKill;
        long lockedAtKill;
        try {
            try (SecondNode node = SecondNode.onTheTestDatabase(
                    databaseUrl,
                    "crash-timers",
                    List.of(
                            "--camunda.bpm.job-execution.enabled=true",
                            "--camunda.bpm.job-execution.lock-time-in-millis=3000"))) {
                held.stream().filter(id -> mine.contains(processOf(id))).forEach(management::activateJobById);
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> warnings(round) >= expected / 10);
                node.kill();
                atKill = warnings(round);
                lockedAtKill = jdbc.queryForObject(
                        "select count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null", Long.class);
            }
            System.out.printf(
                    "NodeCrashIT: node killed after %d of %d warnings, %d jobs locked by it%n",
                    atKill, expected, lockedAtKill);
            // The survivor: this JVM's job executor, which acquires the dead node's jobs once their locks expire.
            DefaultJobExecutor survivor = survivor();
            survivor.start();
            try {
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() ->
                                warnings(round) >= expected && dueJobsOf(mine).isEmpty());
            } finally {
                survivor.shutdown();
            }
        } finally {
            held.stream()
                    .filter(id ->
                            management.createJobQuery().jobId(id).suspended().count() == 1)
                    .forEach(management::activateJobById);
        }

        assertThat(warnings(round)).isEqualTo(expected);
        assertThat(jdbc.queryForObject("""
                        select count(*) from (select a.subject_id from deadline_alert a
                          join rectification_task t on t.id = a.subject_id and a.subject_type = 'TASK'
                          join problem p on p.id = t.problem_id
                         where p.round_id = ? and a.kind = 'WARNING' group by a.subject_id having count(*) = 1) x""", Long.class, round))
                .as("tasks warned exactly once")
                .isEqualTo(expected);
        List<Job> left = management.createJobQuery().list().stream()
                .filter(j -> mine.contains(j.getProcessInstanceId()))
                .toList();
        assertThat(left).noneMatch(j -> j.getExceptionMessage() != null || j.getRetries() < 3);
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null", Long.class))
                .as("jobs left locked")
                .isZero();
    }

    @Test
    void emailsClaimedByAKilledSenderAreSentByTheSurvivor() throws Exception {
        County county = county("mailcrash");
        // What earlier tests and the demo left waiting goes first (the tests run the sender themselves), so that
        // the node's batch is this test's emails.
        mail.sendDue();
        List<Long> notifications = pendingEmails(county);
        String domain = "@" + county.tag() + ".test";
        long atKill;
        long claimedAtKill;
        try (SecondNode node = SecondNode.onTheTestDatabase(
                databaseUrl,
                "crash-mail",
                List.of(
                        "--rectify.mail.schedule=true",
                        "--rectify.mail.poll-interval=PT0.2S",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + MAIL.getSmtp().getPort()))) {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> received(domain).size() >= EMAILS / 10);
            node.kill();
            atKill = received(domain).size();
            claimedAtKill = outbox(notifications, "SENDING");
        }
        System.out.printf(
                "NodeCrashIT: sender killed after %d of %d emails, %d left claimed%n", atKill, EMAILS, claimedAtKill);
        // Claims are taken for the entry being sent, one at a time: at most one was in flight.
        assertThat(claimedAtKill).isLessThanOrEqualTo(1);

        // The survivor, once the dead sender's claim has expired (five minutes), sends the rest.
        time.travelTo(clock.instant().plus(Duration.ofMinutes(6)));
        mail.sendDue();

        assertThat(outbox(notifications, "SENT")).isEqualTo(EMAILS);
        Map<String, Long> perMessageId =
                received(domain).stream().collect(Collectors.groupingBy(NodeCrashIT::messageId, Collectors.counting()));
        assertThat(perMessageId).hasSize(EMAILS);
        assertThat(perMessageId.keySet())
                .containsExactlyInAnyOrderElementsOf(notifications.stream()
                        .map(id -> "<notification-" + id + "@rectify>")
                        .toList());
        // At least once; twice only for an email sent and not yet marked so when the sender died.
        assertThat(perMessageId.values().stream().filter(n -> n > 1).count()).isLessThanOrEqualTo(claimedAtKill);
    }

    @Test
    void anImportKilledMidWayLeavesNothing() throws Exception {
        County county = county("importcrash");
        ApiClient.As office = api.as("office." + county.tag());
        long round = office.post(
                        "/api/rounds",
                        Map.of(
                                "sourceType",
                                "SUPERVISION",
                                "code",
                                county.tag(),
                                "name",
                                "导入中断",
                                "feedbackReceivedOn",
                                "2025-03-03"))
                .expect(201)
                .id();
        byte[] template =
                office.get("/api/rounds/{id}/imports/template", round).ok().raw();
        List<List<Object>> problems = new ArrayList<>();
        List<List<Object>> measures = new ArrayList<>();
        for (int i = 0; i < IMPORTED; i++) {
            problems.add(Arrays.asList(
                    "CRASH-" + i, "导入中断问题 " + i, "说明 " + i, "FUNDS", null, null, "故障局", null, "故障县领导", "立行立改", null));
            measures.add(Arrays.asList("CRASH-" + i, "整改措施 " + i, "完成", null, "立行立改", null, null));
        }
        byte[] file = Workbooks.filled(template, problems, measures);
        long audited = count("select count(*) from audit_record");
        boolean inFlight;
        try (SecondNode node = SecondNode.onTheTestDatabase(databaseUrl, "crash-import")) {
            ApiClient onNode = new ApiClient(node.port());
            CompletableFuture<ApiClient.Response> upload =
                    CompletableFuture.supplyAsync(() -> onNode.as("office." + county.tag())
                            .multipart(
                                    "/api/rounds/{id}/imports",
                                    "file",
                                    Map.of(),
                                    List.of(new ApiClient.FileBody("中断.xlsx", file)),
                                    round));
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> upload.isDone() || writing());
            inFlight = !upload.isDone();
            node.kill();
        }
        long imported = count("select count(*) from problem where round_id = ?", round);
        System.out.printf(
                "NodeCrashIT: import killed %s, %d of %d problems there%n",
                inFlight ? "while its request was in flight" : "after its request ended", imported, IMPORTED);
        // All or nothing: the problems, their processes and the import's record and audit together.
        assertThat(imported).isIn(0L, (long) IMPORTED);
        assertThat(count("select count(*) from feedback_import where round_id = ? and status = 'IMPORTED'", round))
                .isEqualTo(imported == 0 ? 0 : 1);
        List<String> keys = jdbc.queryForList("select id from problem where round_id = ?", Long.class, round).stream()
                .map(String::valueOf)
                .toList();
        assertThat(keys.stream()
                        .filter(k -> runtime.createProcessInstanceQuery()
                                        .processInstanceBusinessKey(k)
                                        .count()
                                > 0)
                        .count())
                .as("problems with their process")
                .isEqualTo(imported);
        if (imported == 0) {
            assertThat(count("select count(*) from audit_record")).isEqualTo(audited);
            // The list imports whole when sent again, to the survivor.
            office.multipart(
                            "/api/rounds/{id}/imports",
                            "file",
                            Map.of(),
                            List.of(new ApiClient.FileBody("中断.xlsx", file)),
                            round)
                    .expect(201);
            assertThat(count("select count(*) from problem where round_id = ?", round))
                    .isEqualTo(IMPORTED);
        }
    }

    @Test
    void aSignOffStepKilledMidRequestHappenedFullyOrNotAtAll() throws Exception {
        Scenario scenario = new Scenario(api, new Demo(api), "fpj");
        long[] ids = scenario.taskInProgress(
                "KILL-" + System.nanoTime() % 100_000,
                "2099-12-31",
                Demo.today().plusMonths(3));
        long signOff = api.as("staff.fpj")
                .multipart(
                        "/api/tasks/{id}/sign-off",
                        Map.of("statement", "完成"),
                        List.of(ApiClient.FileBody.text("proof.txt", "proof")),
                        ids[1])
                .expect(201)
                .id();
        List<String> waiting =
                tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(ids[0])).list().stream()
                        .map(org.camunda.bpm.engine.task.Task::getId)
                        .toList();
        String status = signOffStatus(signOff);
        long audited = count("select count(*) from audit_record where problem_id = ?", ids[0]);
        // The node is held in the middle of the confirmation (the problem locked and its process moving, the
        // engine waiting to delete the waiting task, which this test holds locked) and killed there.
        try (Connection blocker = blocker();
                SecondNode node = SecondNode.onTheTestDatabase(databaseUrl + lockWait(), "crash-signoff")) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("select ID_ from ACT_RU_TASK where ID_ in ("
                    + String.join(",", java.util.Collections.nCopies(waiting.size(), "?")) + ") for update")) {
                for (int i = 0; i < waiting.size(); i++) {
                    lock.setString(i + 1, waiting.get(i));
                }
                lock.executeQuery().close();
            }
            CompletableFuture<ApiClient.Response> confirm = CompletableFuture.supplyAsync(
                    () -> new ApiClient(node.port()).as("head.fpj").post("/api/sign-offs/{id}/confirm", null, signOff));
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> waitsFor(blocker));
            node.kill();
            blocker.rollback();
            // The client sees its connection reset (or refused, on a retry): no answer from a dead node.
            confirm.handle((answer, failure) -> answer).get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        // Not at all: the sign-off, its process and its audit trail as before; then the step goes through here.
        await().atMost(Duration.ofMinutes(1))
                .until(() -> openTasks(waiting) == waiting.size()
                        && signOffStatus(signOff).equals(status));
        assertThat(count("select count(*) from audit_record where problem_id = ?", ids[0]))
                .isEqualTo(audited);
        api.as("head.fpj").post("/api/sign-offs/{id}/confirm", null, signOff).ok();
        assertThat(signOffStatus(signOff)).isEqualTo("CONFIRMED");
        assertThat(openTasks(waiting)).isLessThan(waiting.size());
        assertThat(count("select count(*) from audit_record where problem_id = ?", ids[0]))
                .isGreaterThan(audited);
    }

    /** A request's transaction holds uncommitted writes: a second node's import under way. */
    private boolean writing() {
        return onMariaDb()
                ? count("select count(*) from information_schema.innodb_trx where trx_rows_modified >= 20") > 0
                : count("select count(*) from information_schema.sessions where contains_uncommitted"
                                + " and session_id <> session_id()")
                        > 0;
    }

    /** A connection of the test's own, outside Spring's transactions, to hold a row lock. */
    private Connection blocker() throws Exception {
        return onMariaDb()
                ? DriverManager.getConnection(databaseUrl, "root", "")
                : DriverManager.getConnection(databaseUrl, "sa", "");
    }

    /** On H2 a session waits a second for a lock unless told otherwise; long enough for the kill to land. */
    private static String lockWait() {
        return onMariaDb() ? "" : ";LOCK_TIMEOUT=120000";
    }

    /** Whether another session waits for a lock the blocker holds. */
    private static boolean waitsFor(Connection blocker) throws Exception {
        String sql = onMariaDb()
                ? "select count(*) from information_schema.innodb_trx where trx_state = 'LOCK WAIT'"
                : "select count(*) from information_schema.sessions where blocker_id = session_id()";
        try (Statement s = blocker.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private long openTasks(List<String> ids) {
        return ids.stream()
                .filter(id -> tasks.createTaskQuery().taskId(id).count() == 1)
                .count();
    }

    private String signOffStatus(long signOff) {
        return jdbc.queryForObject("select status from sign_off_application where id = ?", String.class, signOff);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private County county(String purpose) {
        String tag = purpose + ProcessHandle.current().pid() + "x" + System.nanoTime() % 10_000;
        long county = setup.createUnit(
                        new NewUnit(null, tag, "故障县" + purpose, "Fault County " + purpose, UnitKind.COUNTY))
                .id();
        long unit = setup.createUnit(new NewUnit(county, tag + "-d", "故障局", "Fault Bureau", UnitKind.DEPARTMENT))
                .id();
        setup.createUser(new NewUser("office." + tag, "demo1234", "故障整改办", county, null, Set.of(Role.OFFICE)));
        long leader = setup.createUser(
                        new NewUser("leader." + tag, "demo1234", "故障县领导", county, null, Set.of(Role.LEADER)))
                .id();
        setup.createUser(new NewUser("head." + tag, "demo1234", "故障局长", unit, null, Set.of(Role.UNIT_HEAD)));
        long staff = setup.createUser(
                        new NewUser("staff." + tag, "demo1234", "故障经办", unit, null, Set.of(Role.UNIT_STAFF)))
                .id();
        return new County(tag, unit, leader, staff);
    }

    /** PROBLEMS problems of TASKS tasks in progress whose yellow day is today: every warning timer due. */
    private long problemsWithWarningsDue(County county) {
        SignedIn signed = new SignedIn(users);
        LocalDate today = Zones.today(clock);
        LocalDate deadline = calendar.plusWorkingDays(today, 5);
        String office = "office." + county.tag();
        long round = signed.as(
                        office,
                        () -> rounds.register(
                                new NewRound("SELF_INSPECTION", county.tag(), "Node crash", "Rectify tests", today)))
                .id();
        ResponsibilityInput responsibility =
                new ResponsibilityInput(county.unit(), Set.of(), county.leader(), DeadlineType.TIME_LIMITED, deadline);
        for (int p = 0; p < PROBLEMS; p++) {
            int number = p;
            long id = signed.as(
                            office,
                            () -> lifecycle.register(new NewProblem(
                                    round,
                                    "K-" + number,
                                    "Node crash problem " + number,
                                    "x",
                                    "OTHER",
                                    Severity.GENERAL,
                                    null,
                                    responsibility)))
                    .id();
            signed.run(
                    office,
                    () -> lifecycle.triage(id, new TriageProblem("OTHER", Severity.GENERAL, null, responsibility)));
            signed.run("head." + county.tag(), () -> lifecycle.claim(id, county.staff()));
            signed.run("staff." + county.tag(), () -> {
                for (int t = 0; t < TASKS; t++) {
                    breakdown.add(
                            id,
                            new TaskDraft(
                                    "Measure " + t, "Done", county.unit(), DeadlineType.TIME_LIMITED, deadline, null));
                }
                breakdown.submitPlan(id);
            });
            signed.run(office, () -> breakdown.approvePlan(id));
        }
        return round;
    }

    /** EMAILS notifications of the county's staff member, each with its email due in the outbox. */
    private List<Long> pendingEmails(County county) {
        Timestamp past = Timestamp.from(Instant.now().minus(Duration.ofDays(1)));
        for (int i = 0; i < EMAILS; i++) {
            jdbc.update("""
                    insert into notification (recipient_id, kind, title_zh, title_en, body_zh, body_en, created_at)
                    values (?, 'TASK_ASSIGNED', ?, ?, 'x', 'x', ?)""", county.staff(), county.tag() + " " + i, county.tag() + " " + i, past);
        }
        List<Long> ids = jdbc.queryForList(
                "select id from notification where title_en like ? order by id", Long.class, county.tag() + " %");
        for (Long id : ids) {
            jdbc.update("""
                    insert into mail_outbox (notification_id, recipient, subject, body, status, attempts, next_attempt_at,
                                             created_at)
                    values (?, ?, ?, 'x', 'PENDING', 0, ?, ?)""", id, "staff" + id + "@" + county.tag() + ".test", "Node crash " + id, past, past);
        }
        return ids;
    }

    private long outbox(List<Long> notifications, String status) {
        return jdbc.queryForObject(
                "select count(*) from mail_outbox where status = ? and notification_id between ? and ?",
                Long.class,
                status,
                notifications.get(0),
                notifications.get(notifications.size() - 1));
    }

    private static List<MimeMessage> received(String domain) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> recipient(m).endsWith(domain))
                .toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return String.valueOf(message.getAllRecipients()[0]);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> instancesOf(long round) {
        List<String> keys = jdbc.queryForList("select id from problem where round_id = ?", Long.class, round).stream()
                .map(String::valueOf)
                .toList();
        return keys.stream()
                .flatMap(k -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(k).list().stream())
                .map(ProcessInstance::getId)
                .collect(Collectors.toSet());
    }

    private String processOf(String job) {
        Job j = management.createJobQuery().jobId(job).singleResult();
        return j == null ? null : j.getProcessInstanceId();
    }

    private List<Job> dueJobsOf(Set<String> instances) {
        return management.createJobQuery().executable().list().stream()
                .filter(j -> instances.contains(j.getProcessInstanceId()))
                .toList();
    }

    private long warnings(long round) {
        return jdbc.queryForObject("""
                select count(*) from deadline_alert a join rectification_task t on t.id = a.subject_id
                  join problem p on p.id = t.problem_id
                 where a.subject_type = 'TASK' and a.kind = 'WARNING' and p.round_id = ?""", Long.class, round);
    }

    /** This JVM's job executor (the tests keep it off), as the surviving node's. */
    private DefaultJobExecutor survivor() {
        DefaultJobExecutor own = (DefaultJobExecutor)
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        own.setLockTimeInMillis(3000);
        own.setWaitTimeInMillis(200);
        own.setMaxWait(1000);
        if (!own.getProcessEngines().contains(engine)) {
            own.registerProcessEngine((ProcessEngineImpl) engine);
        }
        return own;
    }
}
