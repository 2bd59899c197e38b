package org.rectify.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.rectify.common.Zones;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.problem.ProblemGrams;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

/**
 * Random cases written straight into the tables, with the history the figures read: problems in every
 * status, deadlines of every type around today, tasks withdrawn and done, extensions, orders, look-backs
 * and relapses; and units and users outside the demo's tree (the API makes units under a parent only).
 */
final class RandomCases {

    private static final String[] PROBLEM_STATES = {
        "REGISTERED",
        "ASSIGNED",
        "RETURNED",
        "PLANNING",
        "PLAN_REVIEW",
        "IN_PROGRESS",
        "CLOSURE_REVIEW",
        "CLOSED",
        "VERIFIED"
    };
    private static final String[] TASK_STATES = {
        "DRAFT",
        "IN_PROGRESS",
        "AWAITING_CONFIRMATION",
        "UNDER_REVIEW",
        "SIGNED_OFF",
        "STANDING",
        "REOPENED",
        "WITHDRAWN"
    };
    private static final String[] DEADLINE_TYPES = {"IMMEDIATE", "TIME_LIMITED", "LONG_TERM"};
    static final String[] SOURCES = {"INSPECTION_TOUR", "SUPERVISION", "SELF_INSPECTION"};
    private static final String[] CATEGORIES = {"FUNDS", "WELFARE", "PROJECTS", null};
    private static final String[] SEVERITIES = {"GENERAL", "SERIOUS", "MAJOR"};

    record Made(long id, String source, String category, String severity, Long leadUnit, long round) {}

    private final JdbcTemplate plain;
    private final WorkingDayCalendar calendar;
    private final org.rectify.audit.AuditChain chain;

    /** The chain seals the audit records written here, as the trail seals its own. */
    RandomCases(JdbcTemplate plain, WorkingDayCalendar calendar, org.rectify.audit.AuditChain chain) {
        this.plain = plain;
        this.calendar = calendar;
        this.chain = chain;
    }

    /** A user of the unit with one role, signing in with the demo's password. */
    void user(String username, String name, long unit, String role) {
        long userId = insert(
                "app_user",
                Map.of(
                        "username",
                        username,
                        "password_hash",
                        plain.queryForObject(
                                "select password_hash from app_user where username = 'office'", String.class),
                        "display_name",
                        name,
                        "unit_id",
                        unit,
                        "enabled",
                        true,
                        "version",
                        0));
        insert("app_user_role", Map.of("user_id", userId, "role", role), false);
    }

    /** A round of each source in the region, in the order of {@link #SOURCES}. */
    List<Long> rounds(long region, String prefix, LocalDate today, Instant now) {
        String regionPath = path(region);
        List<Long> rounds = new java.util.ArrayList<>();
        for (String source : SOURCES) {
            rounds.add(insert(
                    "inspection_round",
                    Map.of(
                            "region_id",
                            region,
                            "region_path",
                            regionPath,
                            "source_type",
                            source,
                            "code",
                            "RND-" + prefix + "-" + source,
                            "name",
                            "随机轮次" + prefix + source,
                            "feedback_received_on",
                            today.minusDays(200),
                            "created_at",
                            utc(now),
                            "created_by",
                            "test",
                            "version",
                            0)));
        }
        return rounds;
    }

    String path(long unit) {
        return plain.queryForObject("select path from org_unit where id = ?", String.class, unit);
    }

    Made problem(
            Random random,
            int i,
            List<Long> rounds,
            List<Long> leads,
            long county,
            String regionPath,
            LocalDate today,
            Instant now) {
        String status = pick(random, PROBLEM_STATES);
        boolean closed = status.equals("CLOSED") || status.equals("VERIFIED");
        int roundIndex = random.nextInt(rounds.size());
        long round = rounds.get(roundIndex);
        Long lead =
                status.equals("REGISTERED") && random.nextBoolean() ? null : leads.get(random.nextInt(leads.size()));
        String category = pick(random, CATEGORIES);
        String severity = pick(random, SEVERITIES);
        String type = pick(random, DEADLINE_TYPES);
        LocalDate deadline = type.equals("LONG_TERM") ? null : today.plusDays(random.nextInt(61) - 30);
        Instant registered =
                now.minus(random.nextInt(120) + 1, ChronoUnit.DAYS).minus(random.nextInt(600), ChronoUnit.MINUTES);
        Instant closedAt = closed
                ? registered.plus(
                        random.nextLong(Math.max(1, ChronoUnit.MINUTES.between(registered, now))), ChronoUnit.MINUTES)
                : null;
        if (closed && deadline != null && random.nextBoolean()) {
            // on the edges of on time and late: the day before the deadline, the day itself, the day after
            Instant edge = deadline.plusDays(random.nextInt(3) - 1)
                    .atTime(random.nextInt(24), random.nextInt(60))
                    .atZone(Zones.CHINA)
                    .toInstant();
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
        new ProblemGrams(plain).index(id, id);
        if (lead != null) {
            String path = plain.queryForObject("select path from org_unit where id = ?", String.class, lead);
            insert(
                    "problem_unit",
                    Map.of(
                            "problem_id",
                            id,
                            "unit_id",
                            lead,
                            "unit_path",
                            path,
                            "role",
                            "LEAD",
                            "region_path",
                            regionPath),
                    false);
        }
        Map<String, Object> span = new HashMap<>(p);
        span.keySet()
                .removeAll(Set.of(
                        "region_id",
                        "number",
                        "title",
                        "description",
                        "responsible_leader_id",
                        "registered_by",
                        "closed_at",
                        "version"));
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
            span.put(
                    "working_days_to_close",
                    calendar.workingDaysBetween(registered.atZone(Zones.CHINA).toLocalDate(), closedOn));
            span.put("valid_from", utc(closedAt));
            chain.append(List.of(insert(
                    "audit_record",
                    Map.of(
                            "occurred_at",
                            utc(closedAt),
                            "actor",
                            "leader",
                            "actor_roles",
                            "LEADER",
                            "action",
                            "PROBLEM_CLOSED",
                            "target_type",
                            "PROBLEM",
                            "target_id",
                            id,
                            "problem_id",
                            id))));
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
            long task = insert(
                    "rectification_task",
                    mapOf(
                            "problem_id",
                            id,
                            "seq",
                            seq,
                            "measure",
                            "措施" + seq,
                            "completion_criterion",
                            "标准",
                            "unit_id",
                            unit,
                            "deadline_type",
                            taskType,
                            "deadline_date",
                            taskDeadline,
                            "status",
                            taskStatus,
                            "progress_percent",
                            0,
                            "created_at",
                            utc(registered),
                            "created_by",
                            "test",
                            "version",
                            0));
            insert(
                    "task_history",
                    mapOf(
                            "task_id",
                            task,
                            "problem_id",
                            id,
                            "valid_from",
                            utc(registered),
                            "unit_id",
                            unit,
                            "status",
                            taskStatus,
                            "deadline_type",
                            taskType,
                            "deadline_date",
                            taskDeadline));
            if (random.nextInt(4) == 0) {
                String decision = random.nextBoolean() ? "APPROVED" : "REFUSED";
                insert(
                        "extension_request",
                        mapOf(
                                "task_id",
                                task,
                                "problem_id",
                                id,
                                "current_deadline",
                                today,
                                "requested_deadline",
                                today.plusDays(10),
                                "reason",
                                "随机",
                                "status",
                                decision,
                                "requested_by",
                                "test",
                                "requested_at",
                                utc(registered),
                                "decided_by",
                                "office",
                                "decided_at",
                                utc(registered.plusSeconds(60)),
                                "version",
                                0));
            }
        }
        if (random.nextInt(5) == 0) {
            String orderStatus = pick(random, new String[] {"ISSUED", "ANSWERED", "ACCEPTED"});
            insert(
                    "supervision_order",
                    mapOf(
                            "problem_id",
                            id,
                            "region_id",
                            county,
                            "target_unit_id",
                            leads.get(0),
                            "automatic",
                            false,
                            "content",
                            "督办",
                            "required_response_date",
                            today,
                            "status",
                            orderStatus,
                            "issued_by",
                            "office",
                            "issued_at",
                            utc(registered),
                            "reviewed_by",
                            orderStatus.equals("ACCEPTED") ? "office" : null,
                            "reviewed_at",
                            orderStatus.equals("ACCEPTED") ? utc(registered.plusSeconds(120)) : null,
                            "version",
                            0));
        }
        if (closed && random.nextInt(3) == 0) {
            String check = pick(random, new String[] {"SCHEDULED", "VERIFIED", "RELAPSED"});
            insert(
                    "look_back_check",
                    mapOf(
                            "problem_id",
                            id,
                            "round_id",
                            round,
                            "scheduled_for",
                            today,
                            "status",
                            check,
                            "scheduled_by",
                            "office",
                            "scheduled_at",
                            utc(closedAt),
                            "verified_by",
                            check.equals("SCHEDULED") ? null : "inspector",
                            "verified_at",
                            check.equals("SCHEDULED") ? null : utc(closedAt.plusSeconds(60)),
                            "version",
                            0));
        }
        return new Made(id, SOURCES[roundIndex], category, severity, lead, round);
    }

    /** A unit of a county of its own, outside the demo's tree (the API makes units under a parent only). */
    long unit(Long parent, String code, String name, String kind) {
        Map<String, Object> values = new HashMap<>(Map.of(
                "code",
                code,
                "name_zh",
                name,
                "name_en",
                code,
                "kind",
                kind,
                "path",
                "/pending/",
                "active",
                true,
                "version",
                0));
        values.put("parent_id", parent);
        long id = insert("org_unit", values);
        String path = parent == null
                ? "/" + id + "/"
                : plain.queryForObject("select path from org_unit where id = ?", String.class, parent) + id + "/";
        boolean isRegion = Set.of("NATION", "PROVINCE", "CITY", "COUNTY").contains(kind);
        Long region = parent == null || isRegion
                ? id
                : plain.queryForObject("select region_id from org_unit where id = ?", Long.class, parent);
        plain.update("update org_unit set path = ?, region_id = ? where id = ?", path, region, id);
        return id;
    }

    long insert(String table, Map<String, Object> values) {
        return insert(table, values, true);
    }

    long insert(String table, Map<String, Object> values, boolean key) {
        Map<String, Object> present = values.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        SimpleJdbcInsert insert = new SimpleJdbcInsert(plain)
                .withTableName(table)
                .usingColumns(present.keySet().toArray(String[]::new));
        if (!key) {
            insert.execute(present);
            return 0;
        }
        return insert.usingGeneratedKeyColumns("id")
                .executeAndReturnKey(present)
                .longValue();
    }

    static Map<String, Object> mapOf(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
