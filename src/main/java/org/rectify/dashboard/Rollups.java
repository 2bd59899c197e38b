package org.rectify.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.rectify.common.Zones;
import org.rectify.org.Actor;
import org.rectify.org.OrgUnitView;
import org.rectify.org.UnitKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The figure roll-ups (db/common/V32__figure_rollups.sql): kept up to date by {@link #refresh()} on a
 * schedule, read by {@link Dashboards} for the region dashboards above the county. A dashboard takes
 * them only when they hold exactly what it shows: a region role, a unit above the county, no filter
 * but the unit, the week as period, and every moment it needs (its day, the week before, the trend's
 * weeks) built; otherwise it counts live.
 */
@Service
public class Rollups {

    static final String NOW = "NOW";
    static final String DAY = "DAY";

    private final RollupBuilder builder;
    private final NamedParameterJdbcTemplate jdbc;
    private final int roundLines;
    private final Clock clock;
    private final boolean enabled;
    private final Duration settle;
    private final Duration refresh;
    private final int backfillDays;
    private final int daysPerRun;
    private final int retainDays;

    Rollups(
            RollupBuilder builder,
            NamedParameterJdbcTemplate jdbc,
            Clock clock,
            @Value("${rectify.rollup.enabled:true}") boolean enabled,
            @Value("${rectify.rollup.settle:PT1M}") Duration settle,
            @Value("${rectify.rollup.refresh:PT5M}") Duration refresh,
            @Value("${rectify.rollup.backfill-days:90}") int backfillDays,
            @Value("${rectify.rollup.days-per-run:3}") int daysPerRun,
            @Value("${rectify.rollup.retain-days:400}") int retainDays,
            @Value("${rectify.dashboard.round-lines:30}") int roundLines) {
        this.roundLines = roundLines;
        this.builder = builder;
        this.jdbc = jdbc;
        this.clock = clock;
        this.enabled = enabled;
        this.settle = settle;
        this.refresh = refresh;
        this.backfillDays = backfillDays;
        this.daysPerRun = daysPerRun;
        this.retainDays = retainDays;
    }

    /**
     * Brings the roll-ups up to date: the present (as of the start of this refresh period, less the
     * settling time that lets transactions begun before it commit), then up to days-per-run past days
     * not yet built, the newest first; then drops what is no longer read.
     */
    public void refresh() {
        if (!enabled || builder.levels().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        buildNow(now);
        LocalDate today = Zones.today(clock);
        Set<LocalDate> built = builtDays(today.minusDays(backfillDays), today);
        int done = 0;
        for (int i = 1; i <= backfillDays && done < daysPerRun; i++) {
            LocalDate day = today.minusDays(i);
            if (!built.contains(day) && buildDay(day)) {
                done++;
            }
        }
        prune(today);
    }

    /** Builds the present's roll-up, unless this refresh period has one; true if this call built it. */
    public boolean buildNow(Instant now) {
        long period = refresh.toMillis();
        Instant slot = Instant.ofEpochMilli(now.toEpochMilli() / period * period);
        return builder.build(NOW, slot.toString(), Moment.at(slot.minus(settle)), now);
    }

    /** Builds a past day's roll-up once its end has settled, unless it exists; true if this call built it. */
    public boolean buildDay(LocalDate day) {
        Instant now = clock.instant();
        Moment moment = Moment.endOf(day);
        if (moment.end().plus(settle).isAfter(now)) {
            return false;
        }
        return builder.build(DAY, day.toString(), moment, now);
    }

    private Set<LocalDate> builtDays(LocalDate from, LocalDate to) {
        Set<LocalDate> days = new HashSet<>();
        jdbc.query(
                "select on_day from figure_moment where kind = 'DAY' and on_day between :from and :to",
                Map.of("from", from, "to", to),
                rs -> {
                    days.add(rs.getObject(1, LocalDate.class));
                });
        return days;
    }

    /** Keeps the two newest presents (a dashboard may be reading the older) and the days of the retention. */
    private void prune(LocalDate today) {
        List<Long> presents = jdbc.queryForList(
                "select id from figure_moment where kind = 'NOW' and ready = true" + " order by taken_at desc",
                Map.of(),
                Long.class);
        if (presents.size() > 2) {
            jdbc.update(
                    "delete from figure_moment where id in (:ids)",
                    Map.of("ids", presents.subList(2, presents.size())));
        }
        jdbc.update(
                "delete from figure_moment where kind = 'DAY' and on_day < :oldest",
                Map.of("oldest", today.minusDays(retainDays)));
    }

    /**
     * The moments a dashboard reads: its own (the present's instant, or a past day's end), the week
     * before's, and the trend's week-ends (oldest first, its own last).
     */
    record Plan(int level, long moment, Instant takenAt, long weekBefore, List<Long> weeks) {}

    /** The roll-ups that hold this dashboard, if they all exist; empty: count live. */
    Optional<Plan> plan(Actor actor, OrgUnitView node, FigureFilter filter, LocalDate today) {
        LocalDate asOf = filter.asOf() == null ? today : filter.asOf();
        boolean above =
                node.kind() == UnitKind.NATION || node.kind() == UnitKind.PROVINCE || node.kind() == UnitKind.CITY;
        if (!enabled
                || !above
                || !actor.seesRegion()
                || filter.roundId() != null
                || filter.sourceType() != null
                || filter.categoryCode() != null
                || filter.severity() != null
                || !asOf.minusDays(6).equals(filter.from())) {
            return Optional.empty();
        }
        List<LocalDate> days = new ArrayList<>();
        for (int i = Dashboards.WEEKS - 1; i >= 0; i--) {
            days.add(asOf.minusDays(7L * i));
        }
        Map<LocalDate, Long> dayMoments = new HashMap<>();
        jdbc.query(
                "select id, on_day from figure_moment where kind = 'DAY' and ready = true and on_day in (:days)",
                Map.of("days", days),
                rs -> {
                    dayMoments.put(rs.getObject(2, LocalDate.class), rs.getLong(1));
                });
        Long own;
        Instant takenAt = null;
        if (asOf.equals(today)) {
            List<Map<String, Object>> present = jdbc.queryForList(
                    "select id, taken_at from figure_moment"
                            + " where kind = 'NOW' and ready = true and on_day = :today order by taken_at desc",
                    Map.of("today", today));
            if (present.isEmpty()) {
                return Optional.empty();
            }
            own = ((Number) present.get(0).get("id")).longValue();
            takenAt = instant(present.get(0).get("taken_at"));
        } else {
            own = dayMoments.get(asOf);
        }
        List<Long> weeks = new ArrayList<>();
        for (int i = 0; i < days.size() - 1; i++) {
            weeks.add(dayMoments.get(days.get(i)));
        }
        weeks.add(own);
        Long weekBefore = dayMoments.get(asOf.minusDays(7));
        if (own == null || weekBefore == null || weeks.contains(null)) {
            return Optional.empty();
        }
        return Optional.of(new Plan(RollupBuilder.depth(node.path()) + 1, own, takenAt, weekBefore, weeks));
    }

    /**
     * The figures of one moment for the problems of {@code regionPath} led within {@code anchorPath}
     * (null: led by anyone or nobody), per anchor (UNIT) and per value of the other dimensions.
     */
    Folds folds(Plan plan, long moment, String regionPath, String anchorPath, boolean unitsOnly) {
        Map<String, Object> params = params(plan, regionPath, anchorPath);
        params.put("moment", moment);
        Map<Dimension, Map<String, long[]>> sums = new EnumMap<>(Dimension.class);
        long[] totals = FigureSums.none();
        // rounds apart: a nation has thousands, of which the dashboard shows the largest and their number
        jdbc.query(
                "select anchor_id, dim, dim_value, " + sums() + " from figure_rollup where moment_id = :moment"
                        + (unitsOnly ? " and dim = 'ALL'" : " and dim <> 'ROUND'") + where(anchorPath)
                        + " group by anchor_id, dim, dim_value",
                params,
                rs -> {
                    String dim = rs.getString("dim");
                    long[] row = read(rs);
                    Dimension d;
                    String key;
                    if ("ALL".equals(dim)) {
                        d = Dimension.UNIT;
                        key = rs.getObject("anchor_id") == null ? "" : Long.toString(rs.getLong("anchor_id"));
                        add(totals, row);
                    } else {
                        d = Dimension.valueOf(dim);
                        key = rs.getString("dim_value");
                    }
                    add(
                            sums.computeIfAbsent(d, x -> new TreeMap<>()).computeIfAbsent(key, x -> FigureSums.none()),
                            row);
                });
        Map<Dimension, Integer> counts = new EnumMap<>(Dimension.class);
        if (!unitsOnly) {
            Map<String, Long> problems = new HashMap<>();
            jdbc.query(
                    "select dim_value, f_problems from figure_rollup where moment_id = :moment and dim = 'ROUND'"
                            + where(anchorPath),
                    params,
                    rs -> {
                        problems.merge(rs.getString(1), rs.getLong(2), Long::sum);
                    });
            counts.put(Dimension.ROUND, problems.size());
            List<String> largest = Folds.largest(problems, roundLines);
            Map<String, long[]> rounds = sums.computeIfAbsent(Dimension.ROUND, x -> new TreeMap<>());
            if (!largest.isEmpty()) {
                params.put("rounds", largest);
                jdbc.query(
                        "select dim_value, " + sums() + " from figure_rollup where moment_id = :moment"
                                + " and dim = 'ROUND' and dim_value in (:rounds)" + where(anchorPath)
                                + " group by dim_value",
                        params,
                        rs -> {
                            add(rounds.computeIfAbsent(rs.getString("dim_value"), x -> FigureSums.none()), read(rs));
                        });
            }
        }
        Map<Dimension, Map<String, Figures>> by = new EnumMap<>(Dimension.class);
        sums.forEach((d, values) -> {
            Map<String, Figures> figures = new LinkedHashMap<>();
            values.forEach((k, v) -> figures.put(k, FigureSums.figures(v, null)));
            by.put(d, figures);
        });
        return new Folds(FigureSums.figures(totals, unitsOnly ? null : median(params, anchorPath)), by, counts);
    }

    private Double median(Map<String, Object> params, String anchorPath) {
        TreeMap<Integer, Long> histogram = new TreeMap<>();
        jdbc.query(
                "select histogram from figure_rollup where moment_id = :moment and dim = 'ALL'"
                        + " and histogram is not null" + where(anchorPath),
                params,
                rs -> {
                    for (String pair : rs.getString(1).split(",")) {
                        int colon = pair.indexOf(':');
                        histogram.merge(
                                Integer.valueOf(pair.substring(0, colon)),
                                Long.valueOf(pair.substring(colon + 1)),
                                Long::sum);
                    }
                });
        return Dashboards.median(histogram);
    }

    /** Per moment of the plan's weeks: registered and closed within its week, open and overdue at its end. */
    Map<Long, long[]> trend(Plan plan, String regionPath, String anchorPath) {
        Map<String, Object> params = params(plan, regionPath, anchorPath);
        params.put("moments", plan.weeks());
        Map<Long, long[]> weeks = new HashMap<>();
        jdbc.query(
                "select moment_id, sum(f_new) n, sum(f_closed_in_period) c, sum(f_open) o, sum(f_overdue) r"
                        + " from figure_rollup where moment_id in (:moments) and dim = 'ALL'" + where(anchorPath)
                        + " group by moment_id",
                params,
                rs -> {
                    weeks.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                });
        return weeks;
    }

    private static Map<String, Object> params(Plan plan, String regionPath, String anchorPath) {
        Map<String, Object> params = new HashMap<>();
        params.put("level", plan.level());
        params.put("region", regionPath + "%");
        if (anchorPath != null) {
            params.put("anchor", anchorPath + "%");
        }
        return params;
    }

    private static String where(String anchorPath) {
        return " and level_depth = :level and region_path like :region"
                + (anchorPath == null ? "" : " and anchor_path like :anchor");
    }

    private static String sums() {
        List<String> sums = new ArrayList<>();
        for (Figure f : Figure.values()) {
            sums.add("sum(" + column(f) + ") " + column(f));
        }
        sums.add("sum(days_sum) days_sum");
        return String.join(", ", sums);
    }

    private static long[] read(java.sql.ResultSet rs) throws java.sql.SQLException {
        long[] row = FigureSums.none();
        for (Figure f : Figure.values()) {
            row[f.ordinal()] = rs.getLong(column(f));
        }
        row[FigureSums.DAYS] = rs.getLong("days_sum");
        return row;
    }

    private static void add(long[] into, long[] row) {
        for (int i = 0; i < into.length; i++) {
            into[i] += row[i];
        }
    }

    static String column(Figure f) {
        return "f_" + f.name().toLowerCase(Locale.ROOT);
    }

    private static Instant instant(Object value) {
        LocalDateTime utc = value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
        return utc.toInstant(ZoneOffset.UTC);
    }
}
