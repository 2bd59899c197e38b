package org.rectify.bench;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rectify.support.ApiClient;
import org.rectify.support.ApiClient.FileBody;
import org.rectify.support.ApiClient.Response;
import org.rectify.support.Demo;

/**
 * A problem's way through the API, request by request, each on the next of the given nodes in turn, each outcome
 * recorded: registered, triaged (a deadline a few days out, so that its warning timer is due at once), claimed, one
 * task planned and approved (its warning due at once too), a progress report, and, for a closing case, the
 * sign-off, its confirmation and approval, and the leader's closure. A case stops at its first refused request.
 */
final class CaseFlow {

    static final String UNIT = "fpj";

    /** One request: its kind, the HTTP status (-1: no answer), whether an error came as problem+json. */
    record Outcome(String kind, int status, long startNanos, long nanos, boolean problemJson, String body) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** What the API answered with 2xx for one case: ids, or 0 where the step was refused or not reached. */
    record Case(String number, long problem, long task, int progressReports, long signOff, boolean closed) {}

    private final List<ApiClient> nodes;
    private final AtomicInteger turn = new AtomicInteger();
    private final long round;
    private final Map<String, Object> responsibility;
    private final String deadline;
    final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    final Queue<Case> cases = new ConcurrentLinkedQueue<>();

    CaseFlow(List<ApiClient> nodes, String purpose) {
        this.nodes = nodes;
        Demo demo = new Demo(nodes.get(0));
        this.round = demo.newRound(purpose);
        this.deadline = soon().toString();
        this.responsibility = Map.of(
                "leadUnitId",
                demo.unit(UNIT),
                "responsibleLeaderId",
                demo.user("leader"),
                "deadlineType",
                "TIME_LIMITED",
                "deadlineDate",
                deadline);
    }

    long round() {
        return round;
    }

    /** Three days out, a weekday: within the five working days of a time-limited deadline's yellow warning. */
    private static LocalDate soon() {
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    void run(String number, boolean close) {
        long problem = 0;
        long task = 0;
        int reports = 0;
        long signOff = 0;
        boolean closed = false;
        try {
            Response registered = call(
                    "register",
                    api -> api.as("office")
                            .post(
                                    "/api/problems",
                                    Map.of(
                                            "roundId",
                                            round,
                                            "number",
                                            number,
                                            "title",
                                            "产业扶贫项目带贫机制不健全",
                                            "description",
                                            "x")));
            problem = registered.id();
            long id = problem;
            call(
                    "triage",
                    api -> api.as("office")
                            .post(
                                    "/api/problems/{id}/triage",
                                    Map.of(
                                            "categoryCode",
                                            "INDUSTRY",
                                            "severity",
                                            "GENERAL",
                                            "responsibility",
                                            responsibility),
                                    id));
            call("claim", api -> api.as("head." + UNIT).post("/api/problems/{id}/claim", null, id));
            task = call(
                            "plan-task",
                            api -> api.as("staff." + UNIT)
                                    .post(
                                            "/api/problems/{id}/tasks",
                                            Map.of(
                                                    "measure", "完成产业项目排查",
                                                    "completionCriterion", "排查台账",
                                                    "deadlineType", "TIME_LIMITED",
                                                    "deadlineDate", deadline),
                                            id))
                    .id();
            long taskId = task;
            call("submit-plan", api -> api.as("staff." + UNIT).post("/api/problems/{id}/plan/submit", null, id));
            call("approve-plan", api -> api.as("office").post("/api/problems/{id}/plan/approve", null, id));
            call(
                    "progress",
                    api -> api.as("staff." + UNIT)
                            .multipart(
                                    "/api/tasks/{id}/progress",
                                    Map.of("percent", 50, "content", "排查过半"),
                                    List.of(FileBody.text("progress.txt", "progress " + number)),
                                    taskId));
            reports++;
            if (!close) {
                return;
            }
            signOff = call(
                            "sign-off",
                            api -> api.as("staff." + UNIT)
                                    .multipart(
                                            "/api/tasks/{id}/sign-off",
                                            Map.of("statement", "完成"),
                                            List.of(FileBody.text("proof.txt", "proof " + number)),
                                            taskId))
                    .id();
            long application = signOff;
            call("confirm", api -> api.as("head." + UNIT).post("/api/sign-offs/{id}/confirm", null, application));
            call("approve", api -> api.as("office").post("/api/sign-offs/{id}/approve", null, application));
            call(
                    "closure",
                    api -> api.as("leader").post("/api/problems/{id}/closure/approve", Map.of("comment", "同意销号"), id));
            closed = true;
        } catch (Refused e) {
            // the outcome is recorded; the case stays where its last accepted request left it
        } finally {
            cases.add(new Case(number, problem, task, reports, signOff, closed));
        }
    }

    private Response call(String kind, Function<ApiClient, Response> request) {
        ApiClient api = nodes.get(Math.floorMod(turn.getAndIncrement(), nodes.size()));
        long start = System.nanoTime();
        Response response;
        try {
            response = request.apply(api);
        } catch (RuntimeException e) {
            outcomes.add(new Outcome(kind, -1, start, System.nanoTime() - start, false, e.toString()));
            throw new Refused();
        }
        long nanos = System.nanoTime() - start;
        boolean ok = response.status() >= 200 && response.status() < 300;
        String type = String.valueOf(response.headers().getContentType());
        String body = ok ? "" : new String(response.raw(), StandardCharsets.UTF_8);
        outcomes.add(new Outcome(kind, response.status(), start, nanos, type.contains("problem+json"), body));
        if (!ok) {
            throw new Refused();
        }
        return response;
    }

    /** The p-th percentile (0-1) in milliseconds of the accepted requests of these kinds (all kinds if none given). */
    double percentile(double p, String... kinds) {
        long[] sorted = outcomes.stream()
                .filter(Outcome::ok)
                .filter(o -> kinds.length == 0 || Arrays.asList(kinds).contains(o.kind()))
                .mapToLong(Outcome::nanos)
                .sorted()
                .toArray();
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(p * sorted.length) - 1] / 1e6;
    }

    /** Refused or unanswered requests by status and kind, e.g. {"503 register": 2}. */
    Map<String, Long> errors() {
        return outcomes.stream()
                .filter(o -> !o.ok())
                .collect(Collectors.groupingBy(o -> o.status() + " " + o.kind(), Collectors.counting()));
    }

    private static final class Refused extends RuntimeException {
        Refused() {
            super(null, null, false, false);
        }
    }
}
