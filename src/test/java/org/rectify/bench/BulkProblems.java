package org.rectify.bench;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.rectify.deadline.DeadlineType;
import org.rectify.org.OrgUnitView;
import org.rectify.problem.ProblemGrams;
import org.rectify.problem.ProblemStatus;
import org.rectify.problem.Severity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Problems written straight into the app's tables (problem, problem_unit) with multi-row JDBC inserts,
 * in the shape the services leave them: every status, the lead unit and 0-2 co-responsible units
 * with their org paths copied, the unit head and person in charge once claimed, deadlines on working
 * days spread from a year ago to a year ahead, closing times for closed ones. They have no process
 * instance: the problem list reads only these tables. Portable SQL, for H2 and MariaDB alike.
 */
final class BulkProblems {

    /** Rows per insert statement: ~10,000 parameters, well under every driver's limit. */
    static final int ROWS_PER_STATEMENT = 500;

    /** What the county's problems look like over a few rounds: most are closed, a fifth in rectification. */
    private static final Object[][] STATUS_SHARES = {
        {ProblemStatus.CLOSED, 35}, {ProblemStatus.VERIFIED, 15}, {ProblemStatus.IN_PROGRESS, 20},
        {ProblemStatus.CLOSURE_REVIEW, 6}, {ProblemStatus.PLANNING, 7}, {ProblemStatus.PLAN_REVIEW, 4},
        {ProblemStatus.ASSIGNED, 6}, {ProblemStatus.RETURNED, 2}, {ProblemStatus.REGISTERED, 5}
    };

    /** Twenty topics, so that a search for one word finds about one problem in twenty. */
    static final String[] TOPICS = {
        "扶贫资金", "危房改造", "医疗保障", "义务教育", "饮水安全", "产业项目", "低保审核", "易地搬迁", "小额信贷", "公益岗位", "村级集体经济", "耕地保护", "生态补偿",
        "道路建设", "残疾人补贴", "就业培训", "基层党建", "作风建设", "惠民资金", "档案管理"
    };

    private static final String[] FAULTS = {"落实不到位", "监管不严", "台账不清", "进度滞后", "标准执行不严", "资金拨付不及时"};

    private final JdbcTemplate jdbc;
    private final Random random = new Random(20261129L);

    BulkProblems(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The county, its units (lead units are drawn from them), the accounts the rows name. */
    record Setting(
            OrgUnitView county,
            List<OrgUnitView> leadUnits,
            Map<Long, Long> headOf,
            Map<Long, Long> staffOf,
            List<Long> leaders,
            UnaryOperator<LocalDate> onWorkingDay,
            LocalDate today) {}

    /** Writes {@code count} problems numbered {@code prefix-000001...} into one round. */
    void insert(Setting s, long roundId, String prefix, int count) {
        List<Object[]> problems = new ArrayList<>();
        Map<String, List<OrgUnitView>> unitsOf = new HashMap<>();
        for (int i = 1; i <= count; i++) {
            String number = "%s-%06d".formatted(prefix, i);
            List<OrgUnitView> units = units(s.leadUnits());
            unitsOf.put(number, units);
            problems.add(problem(s, roundId, number, units.get(0)));
            if (problems.size() == ROWS_PER_STATEMENT || i == count) {
                insertRows("problem", PROBLEM_COLUMNS, problems);
                problems.clear();
            }
        }
        Map<String, Long> ids = new HashMap<>();
        jdbc.query(
                "select id, number from problem where round_id = ? and number like ?",
                rs -> {
                    ids.put(rs.getString(2), rs.getLong(1));
                },
                roundId,
                prefix + "-%");
        List<Object[]> links = new ArrayList<>();
        for (Map.Entry<String, List<OrgUnitView>> e : unitsOf.entrySet()) {
            List<OrgUnitView> units = e.getValue();
            for (int u = 0; u < units.size(); u++) {
                links.add(new Object[] {
                    ids.get(e.getKey()),
                    units.get(u).id(),
                    units.get(u).path(),
                    u == 0 ? "LEAD" : "CO",
                    s.county().path()
                });
                if (links.size() == ROWS_PER_STATEMENT) {
                    insertRows("problem_unit", UNIT_COLUMNS, links);
                    links.clear();
                }
            }
        }
        if (!links.isEmpty()) {
            insertRows("problem_unit", UNIT_COLUMNS, links);
        }
        // The round's new problems have consecutive ids: nothing else registers while a bulk load runs.
        new ProblemGrams(jdbc)
                .index(
                        ids.values().stream().mapToLong(Long::longValue).min().orElse(0),
                        ids.values().stream().mapToLong(Long::longValue).max().orElse(-1));
    }

    private static final String[] PROBLEM_COLUMNS = {
        "round_id",
        "region_id",
        "region_path",
        "number",
        "title",
        "description",
        "category_code",
        "severity",
        "rectification_goal",
        "status",
        "lead_unit_id",
        "responsible_leader_id",
        "unit_head_id",
        "person_in_charge_id",
        "deadline_type",
        "deadline_date",
        "registered_at",
        "registered_by",
        "closed_at",
        "version",
        "relapse_count"
    };
    private static final String[] UNIT_COLUMNS = {"problem_id", "unit_id", "unit_path", "role", "region_path"};

    private Object[] problem(Setting s, long roundId, String number, OrgUnitView lead) {
        ProblemStatus status = status();
        String topic = TOPICS[random.nextInt(TOPICS.length)];
        String title = shortName(lead) + topic + FAULTS[random.nextInt(FAULTS.length)] + "问题";
        DeadlineType type = deadlineType();
        LocalDate deadline = type == DeadlineType.LONG_TERM
                ? null
                : s.onWorkingDay().apply(s.today().plusDays(random.nextInt(730) - 365));
        Instant registered = s.today()
                .minusDays(30 + random.nextInt(700))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .plus(9, ChronoUnit.HOURS);
        boolean claimed = status.ordinal() >= ProblemStatus.PLANNING.ordinal();
        Instant closed = status.isClosed() ? registered.plus(20 + random.nextInt(200), ChronoUnit.DAYS) : null;
        return new Object[] {
            roundId,
            s.county().id(),
            s.county().path(),
            number,
            title,
            "经核查，" + lead.nameZh() + "在" + topic + "方面存在" + FAULTS[random.nextInt(FAULTS.length)]
                    + "的情况，群众反映较多，需限期整改并举一反三，建立长效机制。问题编号 " + number + "。",
            CATEGORIES[random.nextInt(CATEGORIES.length)],
            severity().name(),
            "按期完成整改，做到不反复、不回弹。",
            status.name(),
            lead.id(),
            s.leaders().get(random.nextInt(s.leaders().size())),
            claimed ? s.headOf().get(lead.id()) : null,
            claimed ? s.staffOf().get(lead.id()) : null,
            type.name(),
            deadline == null ? null : Date.valueOf(deadline),
            Timestamp.from(registered),
            "office",
            closed == null ? null : Timestamp.from(closed),
            0,
            0
        };
    }

    private static final String[] CATEGORIES = {
        "AWARENESS",
        "RESPONSIBILITY",
        "POLICY",
        "WORK_STYLE",
        "FUNDS",
        "PROJECTS",
        "INDUSTRY",
        "INFRASTRUCTURE",
        "WELFARE",
        "PARTY_BUILDING",
        "OTHER"
    };

    /** The lead unit first, then none, one or two co-responsible units. */
    private List<OrgUnitView> units(List<OrgUnitView> pool) {
        List<OrgUnitView> units = new ArrayList<>();
        units.add(pool.get(random.nextInt(pool.size())));
        int co = random.nextInt(3);
        while (units.size() < co + 1) {
            OrgUnitView other = pool.get(random.nextInt(pool.size()));
            if (!units.contains(other)) {
                units.add(other);
            }
        }
        return units;
    }

    private ProblemStatus status() {
        int roll = random.nextInt(100);
        for (Object[] share : STATUS_SHARES) {
            roll -= (Integer) share[1];
            if (roll < 0) {
                return (ProblemStatus) share[0];
            }
        }
        return ProblemStatus.CLOSED;
    }

    private DeadlineType deadlineType() {
        int roll = random.nextInt(10);
        return roll < 2 ? DeadlineType.IMMEDIATE : roll < 8 ? DeadlineType.TIME_LIMITED : DeadlineType.LONG_TERM;
    }

    private Severity severity() {
        int roll = random.nextInt(10);
        return roll < 7 ? Severity.GENERAL : roll < 9 ? Severity.SERIOUS : Severity.MAJOR;
    }

    private void insertRows(String table, String[] columns, List<Object[]> rows) {
        String row = "(" + "?,".repeat(columns.length - 1) + "?)";
        StringBuilder sql = new StringBuilder("insert into ")
                .append(table)
                .append(" (")
                .append(String.join(", ", columns))
                .append(") values ");
        List<Object> args = new ArrayList<>(rows.size() * columns.length);
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "" : ",").append(row);
            args.addAll(Arrays.asList(rows.get(r)));
        }
        jdbc.update(sql.toString(), args.toArray());
    }

    /** Short unit names for titles: 县扶贫开发局 → 扶贫开发局. */
    private static String shortName(OrgUnitView unit) {
        return unit.nameZh().startsWith("县") ? unit.nameZh().substring(1) : unit.nameZh();
    }
}
