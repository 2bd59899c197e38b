package org.rectify.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rectify.common.Zones;
import org.rectify.deadline.DeadlinePolicy;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard on random data: a county of its own filled straight into the tables (problems in every
 * status, deadlines of every type around today, tasks withdrawn and done, extensions, orders, look-backs
 * and relapses, with their history), then every figure of the totals and of each line of every breakdown
 * against {@link FigureOracle}'s slow count of the same problems. Three seeds, so that a definition that
 * only holds by chance on the demo data fails here.
 */
class DashboardRandomIT extends IntegrationTest {

    private static final AtomicInteger COUNTIES = new AtomicInteger();
    private static final String[] PROBLEM_STATES = {"REGISTERED", "ASSIGNED", "RETURNED", "PLANNING", "PLAN_REVIEW",
            "IN_PROGRESS", "CLOSURE_REVIEW", "CLOSED", "VERIFIED"};
    private static final String[] TASK_STATES = {"DRAFT", "IN_PROGRESS", "AWAITING_CONFIRMATION", "UNDER_REVIEW",
            "SIGNED_OFF", "STANDING", "REOPENED", "WITHDRAWN"};
    private static final String[] DEADLINE_TYPES = {"IMMEDIATE", "TIME_LIMITED", "LONG_TERM"};
    private static final String[] SOURCES = {"INSPECTION_TOUR", "SUPERVISION", "SELF_INSPECTION"};
    private static final String[] CATEGORIES = {"FUNDS", "WELFARE", "PROJECTS", null};
    private static final String[] SEVERITIES = {"GENERAL", "SERIOUS", "MAJOR"};

    @Autowired
    private JdbcTemplate plain;
    @Autowired
    private NamedParameterJdbcTemplate jdbc;
    @Autowired
    private DeadlinePolicy deadlines;
    @Autowired
    private WorkingDayCalendar calendar;

    private record Made(long id, String source, String category, String severity, Long leadUnit, long round) {
    }

    @Test
    void everyFigureOfEveryLineEqualsTheSlowCountOnRandomCounties() {
        for (long seed : new long[]{7, 42, 2026}) {
            checkCounty(seed);
        }
    }

    private void checkCounty(long seed) {
        Random random = new Random(seed);
        int n = COUNTIES.incrementAndGet();
        long county = unit(null, "rnd-county-" + n, "随机县" + n, "COUNTY");
        List<Long> departments = List.of(unit(county, "rnd-dept-a-" + n, "甲局" + n, "DEPARTMENT"),
                unit(county, "rnd-dept-b-" + n, "乙局" + n, "DEPARTMENT"));
        long township = unit(county, "rnd-town-" + n, "丙镇" + n, "TOWNSHIP");
        long village = unit(township, "rnd-village-" + n, "丁村" + n, "VILLAGE");
        List<Long> leads = List.of(county, departments.get(0), departments.get(1), township, village);
        String user = "rnd.office." + n;
        // the county lies outside the admin's region, so its office is made in SQL too, with the demo password
        long userId = insert("app_user", Map.of("username", user, "password_hash", plain.queryForObject(
                        "select password_hash from app_user where username = 'office'", String.class),
                "display_name", "随机办公室" + n, "unit_id", county, "enabled", true, "version", 0));
        insert("app_user_role", Map.of("user_id", userId, "role", "OFFICE"), false);
        String regionPath = plain.queryForObject("select path from org_unit where id = ?", String.class, county);

        LocalDate today = Demo.today();
        Instant now = Instant.now();
        List<Long> rounds = new ArrayList<>();
        for (String source : SOURCES) {
            rounds.add(insert("inspection_round", Map.of("region_id", county, "region_path", regionPath,
                    "source_type", source, "code", "RND-" + n + "-" + source, "name", "随机轮次" + n + source,
                    "feedback_received_on", today.minusDays(200), "created_at", utc(now), "created_by", "test",
                    "version", 0)));
        }
        List<Made> made = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            made.add(problem(random, i, rounds, leads, county, regionPath, today, now));
        }

        JsonNode d = api.as(user).get("/api/dashboard").ok().json();
        LocalDate from = LocalDate.parse(d.get("from").asText());
        FigureOracle oracle = new FigureOracle(jdbc, deadlines, calendar);
        assertFigures("seed " + seed + " totals", d.at("/totals/figures"), oracle.count(ids(made, m -> true), today,
                from));
        for (JsonNode breakdown : d.get("breakdowns")) {
            String dimension = breakdown.get("dimension").asText();
            for (JsonNode line : breakdown.get("lines")) {
                String key = line.get("key").asText();
                Predicate<Made> of = switch (dimension) {
                    case "SOURCE" -> m -> m.source().equals(key);
                    case "CATEGORY" -> m -> key.isEmpty() ? m.category() == null : key.equals(m.category());
                    case "SEVERITY" -> m -> m.severity().equals(key);
                    case "ROUND" -> m -> m.round() == Long.parseLong(key);
                    default -> unitLine(line, county, township, village);
                };
                assertFigures("seed " + seed + " " + dimension + " " + key, line.get("figures"),
                        oracle.count(ids(made, of), today, from));
            }
        }
        assertThat(d.at("/breakdowns/0/lines").size()).as("own, two departments, the township, no lead unit")
                .isEqualTo(5);
    }

    private static Predicate<Made> unitLine(JsonNode line, long county, long township, long village) {
        String section = line.get("section").asText();
        long key = Long.parseLong(line.get("key").asText());
        if (section.equals("NONE")) {
            return m -> m.leadUnit() == null;
        }
        if (key == county) {
            return m -> m.leadUnit() != null && m.leadUnit() == county;
        }
        if (key == township) {
            return m -> m.leadUnit() != null && (m.leadUnit() == township || m.leadUnit() == village);
        }
        return m -> m.leadUnit() != null && m.leadUnit() == key;
    }

    private void assertFigures(String what, JsonNode figures, FigureOracle.Counted expected) {
        for (Figure f : Figure.values()) {
            assertThat(figures.at("/counts/" + f.name()).asLong()).as(what + " " + f)
                    .isEqualTo(expected.counts().get(f));
        }
        if (!expected.daysToClose().isEmpty()) {
            assertThat(figures.get("meanDaysToClose").asDouble()).as(what + " mean").isEqualTo(expected.mean());
        }
    }

    private Made problem(Random random, int i, List<Long> rounds, List<Long> leads, long county, String regionPath,
                         LocalDate today, Instant now) {
        String status = pick(random, PROBLEM_STATES);
        boolean closed = status.equals("CLOSED") || status.equals("VERIFIED");
        int roundIndex = random.nextInt(rounds.size());
        long round = rounds.get(roundIndex);
        Long lead = status.equals("REGISTERED") && random.nextBoolean() ? null : leads.get(random.nextInt(leads.size()));
        String category = pick(random, CATEGORIES);
        String severity = pick(random, SEVERITIES);
        String type = pick(random, DEADLINE_TYPES);
        LocalDate deadline = type.equals("LONG_TERM") ? null : today.plusDays(random.nextInt(61) - 30);
        Instant registered = now.minus(random.nextInt(120) + 1, ChronoUnit.DAYS).minus(random.nextInt(600),
                ChronoUnit.MINUTES);
        Instant closedAt = closed ? registered.plus(
                random.nextLong(Math.max(1, ChronoUnit.MINUTES.between(registered, now))), ChronoUnit.MINUTES) : null;
        if (closed && deadline != null && random.nextBoolean()) {
            // on the edges of on time and late: the day before the deadline, the day itself, the day after
            Instant edge = deadline.plusDays(random.nextInt(3) - 1).atTime(random.nextInt(24), random.nextInt(60))
                    .atZone(Zones.CHINA).toInstant();
            closedAt = edge.isAfter(registered) && edge.isBefore(now) ? edge : closedAt;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("round_id", round);
        p.put("region_id", county);
        p.put("region_path", regionPath);
        p.put("number", "R" + i);
        p.put("title", "随机问题" + i);
        p.put("description", "随机");
        p.put("category_code", category);
        p.put("severity", severity);
        p.put("status", status);
        p.put("lead_unit_id", lead);
        p.put("deadline_type", type);
        p.put("deadline_date", deadline);
        p.put("registered_at", utc(registered));
        p.put("registered_by", "test");
        p.put("closed_at", closedAt == null ? null : utc(closedAt));
        p.put("relapse_count", 0);
        p.put("version", 0);
        long id = insert("problem", p);
        if (lead != null) {
            String path = plain.queryForObject("select path from org_unit where id = ?", String.class, lead);
            insert("problem_unit", Map.of("problem_id", id, "unit_id", lead, "unit_path", path, "role", "LEAD"), false);
        }
        Map<String, Object> span = new HashMap<>(p);
        span.keySet().removeAll(Set.of("region_id", "number", "title", "description", "responsible_leader_id",
                "registered_by", "closed_at", "version"));
        span.put("problem_id", id);
        if (closed) {
            Map<String, Object> before = new HashMap<>(span);
            before.put("status", "CLOSURE_REVIEW");
            before.put("valid_from", utc(registered));
            before.put("valid_to", utc(closedAt));
            insert("problem_history", before);
            LocalDate closedOn = closedAt.atZone(Zones.CHINA).toLocalDate();
            span.put("closed_on", closedOn);
            span.put("closing", true);
            span.put("working_days_to_close", calendar.workingDaysBetween(
                    registered.atZone(Zones.CHINA).toLocalDate(), closedOn));
            span.put("valid_from", utc(closedAt));
            insert("audit_record", Map.of("occurred_at", utc(closedAt), "actor", "leader", "actor_roles", "LEADER",
                    "action", "PROBLEM_CLOSED", "target_type", "PROBLEM", "target_id", id, "problem_id", id));
        } else {
            span.put("valid_from", utc(registered));
        }
        insert("problem_history", span);

        int tasks = random.nextInt(4);
        for (int seq = 1; seq <= tasks; seq++) {
            String taskStatus = pick(random, TASK_STATES);
            String taskType = pick(random, DEADLINE_TYPES);
            LocalDate taskDeadline = taskType.equals("LONG_TERM") ? null : today.plusDays(random.nextInt(41) - 20);
            long unit = lead == null ? leads.get(0) : lead;
            long task = insert("rectification_task", mapOf("problem_id", id, "seq", seq, "measure", "措施" + seq,
                    "completion_criterion", "标准", "unit_id", unit, "deadline_type", taskType,
                    "deadline_date", taskDeadline, "status", taskStatus, "progress_percent", 0,
                    "created_at", utc(registered), "created_by", "test", "version", 0));
            insert("task_history", mapOf("task_id", task, "problem_id", id, "valid_from", utc(registered),
                    "unit_id", unit, "status", taskStatus, "deadline_type", taskType, "deadline_date", taskDeadline));
            if (random.nextInt(4) == 0) {
                String decision = random.nextBoolean() ? "APPROVED" : "REFUSED";
                insert("extension_request", mapOf("task_id", task, "problem_id", id,
                        "current_deadline", today, "requested_deadline", today.plusDays(10), "reason", "随机",
                        "status", decision, "requested_by", "test", "requested_at", utc(registered),
                        "decided_by", "office", "decided_at", utc(registered.plusSeconds(60)), "version", 0));
            }
        }
        if (random.nextInt(5) == 0) {
            String orderStatus = pick(random, new String[]{"ISSUED", "ANSWERED", "ACCEPTED"});
            insert("supervision_order", mapOf("problem_id", id, "region_id", county, "target_unit_id", leads.get(0),
                    "automatic", false, "content", "督办", "required_response_date", today, "status", orderStatus,
                    "issued_by", "office", "issued_at", utc(registered), "reviewed_by",
                    orderStatus.equals("ACCEPTED") ? "office" : null, "reviewed_at",
                    orderStatus.equals("ACCEPTED") ? utc(registered.plusSeconds(120)) : null, "version", 0));
        }
        if (closed && random.nextInt(3) == 0) {
            String check = pick(random, new String[]{"SCHEDULED", "VERIFIED", "RELAPSED"});
            insert("look_back_check", mapOf("problem_id", id, "round_id", round, "scheduled_for", today,
                    "status", check, "scheduled_by", "office", "scheduled_at", utc(closedAt), "verified_by",
                    check.equals("SCHEDULED") ? null : "inspector", "verified_at",
                    check.equals("SCHEDULED") ? null : utc(closedAt.plusSeconds(60)), "version", 0));
        }
        return new Made(id, SOURCES[roundIndex], category, severity, lead, round);
    }

    /** A unit of a county of its own, outside the demo's tree (the API makes units under a parent only). */
    private long unit(Long parent, String code, String name, String kind) {
        Map<String, Object> values = new HashMap<>(Map.of("code", code, "name_zh", name, "name_en", code, "kind", kind,
                "path", "/pending/", "active", true, "version", 0));
        values.put("parent_id", parent);
        long id = insert("org_unit", values);
        String path = parent == null ? "/" + id + "/"
                : plain.queryForObject("select path from org_unit where id = ?", String.class, parent) + id + "/";
        Long region = parent == null ? id
                : plain.queryForObject("select region_id from org_unit where id = ?", Long.class, parent);
        plain.update("update org_unit set path = ?, region_id = ? where id = ?", path, region, id);
        return id;
    }

    private long insert(String table, Map<String, Object> values) {
        return insert(table, values, true);
    }

    private long insert(String table, Map<String, Object> values, boolean key) {
        Map<String, Object> present = values.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        SimpleJdbcInsert insert = new SimpleJdbcInsert(plain).withTableName(table)
                .usingColumns(present.keySet().toArray(String[]::new));
        if (!key) {
            insert.execute(present);
            return 0;
        }
        return insert.usingGeneratedKeyColumns("id").executeAndReturnKey(present).longValue();
    }

    private static Map<String, Object> mapOf(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Set<Long> ids(List<Made> made, Predicate<Made> which) {
        return made.stream().filter(which).map(Made::id).collect(Collectors.toSet());
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
