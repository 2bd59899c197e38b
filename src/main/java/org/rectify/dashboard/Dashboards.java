package org.rectify.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.rectify.common.NotFoundException;
import org.rectify.common.NotPermittedException;
import org.rectify.common.Zones;
import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.ReferenceData;
import org.rectify.inspection.ReferenceItem;
import org.rectify.inspection.RoundView;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.org.Role;
import org.rectify.problem.Severity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leadership's dashboard ({@link Dashboard}): every figure is a count of the ledger's rows under the
 * figure's condition ({@link FigureSql}), read in one grouped query per breakdown over the spans valid
 * at the moment, in the caller's scope as the ledger resolves it.
 */
@Service
@Transactional(readOnly = true)
public class Dashboards {

    /** Who reads the dashboard: the region's roles, and unit heads for their unit's subtree. */
    static final List<Role> READERS = List.of(Role.LEADER, Role.OFFICE, Role.INSPECTOR, Role.UNIT_HEAD);

    /** The weeks of the trend. */
    static final int WEEKS = 12;

    private final LedgerScope scope;
    private final NamedParameterJdbcTemplate jdbc;
    private final CurrentActor current;
    private final OrgDirectory org;
    private final ReferenceData reference;
    private final InspectionRounds rounds;
    private final MessageSource messages;
    private final Clock clock;
    private final int laggards;
    private final int roundLines;
    private final Rollups rollups;
    private final FigureQueries queries;

    Dashboards(
            LedgerScope scope,
            NamedParameterJdbcTemplate jdbc,
            CurrentActor current,
            OrgDirectory org,
            ReferenceData reference,
            InspectionRounds rounds,
            MessageSource messages,
            Clock clock,
            @Value("${rectify.dashboard.laggards:3}") int laggards,
            @Value("${rectify.dashboard.round-lines:30}") int roundLines,
            Rollups rollups,
            FigureQueries queries) {
        this.scope = scope;
        this.jdbc = jdbc;
        this.current = current;
        this.org = org;
        this.reference = reference;
        this.rounds = rounds;
        this.messages = messages;
        this.clock = clock;
        this.laggards = laggards;
        this.roundLines = roundLines;
        this.rollups = rollups;
        this.queries = queries;
    }

    /**
     * The dashboard. Not in a transaction: counted live, its six statements run at once
     * ({@link FigureQueries}), and the caller holds no connection while it waits for them.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Dashboard dashboard(FigureFilter requested) {
        Actor actor = current.get();
        if (READERS.stream().noneMatch(actor::has)) {
            throw new NotPermittedException("rule.dashboard.readers", "the dashboard is for " + READERS);
        }
        LocalDate today = Zones.today(clock);
        LocalDate asOf = requested.asOf() == null ? today : requested.asOf();
        LocalDate from = requested.from() == null ? asOf.minusDays(6) : requested.from();
        // now stays "now" in the drill-down links, so that a list opened later shows its own present
        FigureFilter filter = requested.at(asOf.equals(today) ? null : asOf, from);
        LedgerFilter base = filter.ledger(filter.unitId(), false);
        LedgerCriteria problems = scope.resolve(LedgerKind.PROBLEMS, base);
        if (problems.nothing()) {
            return new Dashboard(
                    asOf,
                    from,
                    problems.moment().live(),
                    null,
                    null,
                    new Dashboard.Line("", null, null, Figures.zero(), base),
                    List.of(),
                    List.of(),
                    List.of());
        }
        OrgUnitView node = node(filter);
        Named unit = filter.unitId() == null ? null : named(node);
        Optional<Rollups.Plan> plan = rollups.plan(actor, node, filter, today);
        // a roll-up of the present was counted at an instant: its numbers open the lists as of that instant
        Instant takenAt = plan.map(Rollups.Plan::takenAt).orElse(null);
        LedgerFilter shown = base.at(takenAt);
        String anchor = filter.unitId() == null ? null : node.path();

        FigureFilter weekBefore = filter.at(asOf.minusDays(7), from.minusDays(7));
        LedgerFilter weekBeforeBase = weekBefore.ledger(filter.unitId(), false);
        Folds folds;
        Map<String, Figures> beforeByUnit;
        List<Dashboard.Week> trend;
        if (plan.isPresent()) {
            Rollups.Plan p = plan.get();
            folds = rollups.folds(p, p.moment(), actor.regionPath(), anchor, false);
            beforeByUnit = rollups.folds(p, p.weekBefore(), actor.regionPath(), anchor, true)
                    .of(Dimension.UNIT);
            trend = trend(p, filter, asOf, actor.regionPath(), anchor, takenAt);
        } else {
            // every statement built here, then all of them run at once
            CompletableFuture<Map<List<String>, Figures>> now = cells(filter, base);
            CompletableFuture<Double> median = queries.submit(median(problems));
            CompletableFuture<Map<List<String>, Figures>> before = cells(weekBefore, weekBeforeBase);
            CompletableFuture<List<Dashboard.Week>> weeks = queries.submit(trend(filter, asOf));
            folds = live(FigureQueries.get(now), FigureQueries.get(median));
            beforeByUnit = fold(FigureQueries.get(before), Dimension.UNIT);
            trend = FigureQueries.get(weeks);
        }
        Dashboard.Line total = new Dashboard.Line("", unit, null, folds.totals(), shown);
        List<Dashboard.Breakdown> breakdowns = new ArrayList<>();
        List<Dashboard.Line> unitLines = unitLines(filter, shown, node, folds.of(Dimension.UNIT));
        breakdowns.add(new Dashboard.Breakdown(Dimension.UNIT, unitLines, unitLines.size()));
        for (Dimension d : List.of(Dimension.SOURCE, Dimension.CATEGORY, Dimension.SEVERITY, Dimension.ROUND)) {
            Map<String, Figures> values = folds.of(d);
            breakdowns.add(new Dashboard.Breakdown(d, lines(shown, d, limited(d, values)), folds.count(d)));
        }
        List<Dashboard.Line> before = unitLines(weekBefore, weekBeforeBase, node, beforeByUnit);
        List<Dashboard.Ranking> rankings = rankings(unitLines, before);
        return new Dashboard(asOf, from, problems.moment().live(), takenAt, unit, total, breakdowns, rankings, trend);
    }

    /** The figures counted live from the spans, with the median of the totals. */
    private static Folds live(Map<List<String>, Figures> cells, Double median) {
        Figures totals = fold(cells, null).getOrDefault("", Figures.zero());
        Map<Dimension, Map<String, Figures>> by = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            by.put(d, fold(cells, d));
        }
        return new Folds(new Figures(totals.counts(), totals.daysToCloseSum(), median), by);
    }

    /** Rounds beyond the limit (a nation has thousands): those with the most problems, in their order. */
    private Map<String, Figures> limited(Dimension d, Map<String, Figures> values) {
        if (d != Dimension.ROUND || values.size() <= roundLines) {
            return values;
        }
        Map<String, Long> problems = new HashMap<>();
        values.forEach((k, f) -> problems.put(k, f.count(Figure.PROBLEMS)));
        List<String> kept = Folds.largest(problems, roundLines);
        Map<String, Figures> limited = new LinkedHashMap<>(values);
        limited.keySet().retainAll(kept);
        return limited;
    }

    /** The trend from the roll-ups: the week-ends' moments of the plan. */
    private List<Dashboard.Week> trend(
            Rollups.Plan plan, FigureFilter filter, LocalDate asOf, String region, String anchor, Instant takenAt) {
        Map<Long, long[]> counted = rollups.trend(plan, region, anchor);
        List<Dashboard.Week> weeks = new ArrayList<>();
        for (int i = WEEKS - 1; i >= 0; i--) {
            LocalDate end = asOf.minusDays(7L * i);
            LocalDate start = end.minusDays(6);
            long[] c = counted.getOrDefault(plan.weeks().get(WEEKS - 1 - i), new long[4]);
            LedgerFilter week = filter.at(i == 0 ? filter.asOf() : end, start).ledger(filter.unitId(), false);
            weeks.add(new Dashboard.Week(start, end, c[0], c[1], c[2], c[3], i == 0 ? week.at(takenAt) : week));
        }
        return weeks;
    }

    /** The dashboard's unit: the one asked for (404 outside the caller's scope), else the scope's root. */
    private OrgUnitView node(FigureFilter filter) {
        Actor actor = current.get();
        Long id = filter.unitId() != null ? filter.unitId() : actor.seesRegion() ? actor.regionId() : actor.unitId();
        String scopePath = actor.scopePath();
        return org.findUnit(id)
                .filter(u -> scopePath != null && u.isWithin(scopePath))
                .orElseThrow(() -> new NotFoundException("unit", id));
    }

    /**
     * The figures of the problems and of the tasks under {@code base}, per cell: one value of every
     * {@link Dimension} at once, in their order ("" for none). Totals and breakdowns are folded from
     * these, so a dashboard reads its rows twice (problems, tasks) instead of twice per breakdown. The two
     * statements are built here and run at once.
     */
    private CompletableFuture<Map<List<String>, Figures>> cells(FigureFilter filter, LedgerFilter base) {
        List<String> columns = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            columns.add(d.column() + " k" + d.ordinal());
        }
        String key = String.join(", ", columns);
        String group = " group by "
                + Arrays.stream(Dimension.values()).map(Dimension::column).collect(Collectors.joining(", "));
        List<CompletableFuture<Map<List<String>, long[]>>> parts = new ArrayList<>();
        for (LedgerKind kind : List.of(LedgerKind.PROBLEMS, LedgerKind.TASKS)) {
            LedgerCriteria c = scope.resolve(kind, base);
            Map<String, Object> params = new HashMap<>();
            String select = FigureSums.select(c.kind(), c, LedgerScope.start(filter.from()), params);
            String from = c.kind() == LedgerKind.TASKS ? c.tasksFrom() : c.problemsFrom();
            String sql = "select " + key + ", " + select + from + c.where() + group;
            MapSqlParameterSource bound = c.params(params);
            parts.add(queries.submit(() -> {
                Map<List<String>, long[]> sums = new HashMap<>();
                jdbc.query(sql, bound, rs -> {
                    FigureSums.add(kind, rs, sums.computeIfAbsent(cellKey(rs), x -> FigureSums.none()));
                });
                return sums;
            }));
        }
        return parts.get(0).thenCombine(parts.get(1), (problems, tasks) -> {
            Map<List<String>, long[]> sums = new HashMap<>(problems);
            tasks.forEach((k, t) -> {
                long[] into = sums.computeIfAbsent(k, x -> FigureSums.none());
                for (int i = 0; i < into.length; i++) {
                    into[i] += t[i];
                }
            });
            Map<List<String>, Figures> result = new HashMap<>();
            sums.forEach((k, c) -> result.put(k, FigureSums.figures(c, null)));
            return result;
        });
    }

    private static List<String> cellKey(java.sql.ResultSet rs) throws java.sql.SQLException {
        List<String> key = new ArrayList<>();
        for (Dimension d : Dimension.values()) {
            key.add(Objects.toString(rs.getObject("k" + d.ordinal()), ""));
        }
        return key;
    }

    /** The cells summed per value of one dimension, by that value; all of them under "" if none. */
    private static Map<String, Figures> fold(Map<List<String>, Figures> cells, Dimension dimension) {
        Map<String, List<Figures>> parts = new TreeMap<>();
        cells.forEach((k, f) -> parts.computeIfAbsent(
                        dimension == null ? "" : k.get(dimension.ordinal()), x -> new ArrayList<>())
                .add(f));
        Map<String, Figures> folded = new LinkedHashMap<>();
        parts.forEach((k, fs) -> folded.put(k, Figures.sum(fs)));
        return folded;
    }

    /** The median of the working days to close, from their histogram: the statement, to run. */
    private Supplier<Double> median(LedgerCriteria problems) {
        Map<String, Object> params = new HashMap<>();
        params.put("closedStates", LedgerSql.PROBLEM_CLOSED);
        String sql = "select h.working_days_to_close d, count(*) n" + problems.problemsFrom() + problems.where()
                + " and h.status in (:closedStates) group by h.working_days_to_close";
        MapSqlParameterSource bound = problems.params(params);
        return () -> {
            TreeMap<Integer, Long> histogram = new TreeMap<>();
            jdbc.query(sql, bound, rs -> {
                histogram.merge(rs.getInt("d"), rs.getLong("n"), Long::sum);
            });
            return median(histogram);
        };
    }

    /** The median of a histogram (value: count); null if it is empty. */
    static Double median(TreeMap<Integer, Long> histogram) {
        long n = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        return (nth(histogram, (n - 1) / 2) + nth(histogram, n / 2)) / 2.0;
    }

    private static int nth(TreeMap<Integer, Long> histogram, long index) {
        long seen = 0;
        for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
            seen += e.getValue();
            if (index < seen) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("index " + index + " beyond " + seen);
    }

    /**
     * The units right below the dashboard's unit, each with its subtree; the unit itself where it leads
     * problems directly; the problems without a lead unit yet, on the dashboard of the whole scope.
     */
    private List<Dashboard.Line> unitLines(
            FigureFilter filter, LedgerFilter base, OrgUnitView node, Map<String, Figures> byLead) {
        Map<Long, OrgUnitView> leads = org.units(byLead.keySet().stream()
                .filter(k -> !k.isEmpty())
                .map(Long::valueOf)
                .toList());
        List<OrgUnitView> children = org.children(node.id());
        Map<Long, List<Figures>> perChild = new LinkedHashMap<>();
        List<Dashboard.Line> lines = new ArrayList<>();
        byLead.forEach((k, figures) -> {
            if (k.isEmpty()) {
                return;
            }
            OrgUnitView lead = leads.get(Long.valueOf(k));
            if (lead == null) {
                return;
            }
            children.stream()
                    .filter(c -> lead.isWithin(c.path()))
                    .findFirst()
                    .ifPresent(c -> perChild.computeIfAbsent(c.id(), x -> new ArrayList<>())
                            .add(figures));
        });
        Figures own = byLead.get(node.id().toString());
        if (own != null) {
            lines.add(new Dashboard.Line(
                    node.id().toString(),
                    named(node),
                    "SELF",
                    own,
                    withDate(base, filter).withLead(node.id(), true)));
        }
        for (OrgUnitView child : children) {
            List<Figures> parts = perChild.get(child.id());
            if (parts != null) {
                lines.add(new Dashboard.Line(
                        child.id().toString(),
                        named(child),
                        child.kind().name(),
                        Figures.sum(parts),
                        withDate(base, filter).withLead(child.id(), false)));
            }
        }
        Figures unassigned = byLead.get("");
        if (unassigned != null && filter.unitId() == null) {
            lines.add(new Dashboard.Line(
                    "0",
                    new Named(
                            "0",
                            text("dashboard.unit.none", Locale.CHINA),
                            text("dashboard.unit.none", Locale.ENGLISH)),
                    "NONE",
                    unassigned,
                    withDate(base, filter).withLead(0L, false)));
        }
        return lines;
    }

    private static LedgerFilter withDate(LedgerFilter base, FigureFilter filter) {
        return new LedgerFilter(
                base.roundId(),
                base.leadUnitId(),
                base.leadUnitOnly(),
                null,
                null,
                base.sourceType(),
                base.categoryCode(),
                base.severity(),
                null,
                base.at() == null ? filter.asOf() : null,
                filter.from(),
                base.at());
    }

    private List<Dashboard.Line> lines(LedgerFilter base, Dimension dimension, Map<String, Figures> figures) {
        Map<String, Named> names = names(dimension, figures.keySet());
        List<Dashboard.Line> lines = new ArrayList<>();
        figures.forEach((k, f) -> lines.add(new Dashboard.Line(k, names.get(k), null, f, drill(base, dimension, k))));
        Map<String, Integer> order = new HashMap<>();
        List<String> keys = new ArrayList<>(names.keySet());
        for (int i = 0; i < keys.size(); i++) {
            order.put(keys.get(i), i);
        }
        lines.sort(Comparator.comparing(l -> order.getOrDefault(l.key(), Integer.MAX_VALUE)));
        return lines;
    }

    private static LedgerFilter drill(LedgerFilter b, Dimension dimension, String key) {
        return switch (dimension) {
            case SOURCE ->
                new LedgerFilter(
                        b.roundId(),
                        b.leadUnitId(),
                        false,
                        null,
                        null,
                        key,
                        b.categoryCode(),
                        b.severity(),
                        null,
                        b.asOf(),
                        b.from(),
                        b.at());
            case CATEGORY ->
                new LedgerFilter(
                        b.roundId(),
                        b.leadUnitId(),
                        false,
                        null,
                        null,
                        b.sourceType(),
                        key.isEmpty() ? LedgerFilter.NONE : key,
                        b.severity(),
                        null,
                        b.asOf(),
                        b.from(),
                        b.at());
            case SEVERITY ->
                new LedgerFilter(
                        b.roundId(),
                        b.leadUnitId(),
                        false,
                        null,
                        null,
                        b.sourceType(),
                        b.categoryCode(),
                        key,
                        null,
                        b.asOf(),
                        b.from(),
                        b.at());
            case ROUND ->
                new LedgerFilter(
                        Long.valueOf(key),
                        b.leadUnitId(),
                        false,
                        null,
                        null,
                        b.sourceType(),
                        b.categoryCode(),
                        b.severity(),
                        null,
                        b.asOf(),
                        b.from(),
                        b.at());
            case UNIT -> throw new IllegalArgumentException("units have lines of their own");
        };
    }

    /** The names of a dimension's values, in the order of its reference data (by its sort order). */
    private Map<String, Named> names(Dimension dimension, java.util.Set<String> keys) {
        Map<String, Named> names = new LinkedHashMap<>();
        switch (dimension) {
            case SOURCE -> reference.sourceTypes().forEach(i -> names.put(i.code(), named(i)));
            case CATEGORY -> {
                reference.categories().forEach(i -> names.put(i.code(), named(i)));
                names.put(
                        "",
                        new Named(
                                "",
                                text("dashboard.category.none", Locale.CHINA),
                                text("dashboard.category.none", Locale.ENGLISH)));
            }
            case SEVERITY -> {
                for (Severity s : Severity.values()) {
                    names.put(
                            s.name(),
                            new Named(
                                    s.name(),
                                    text("severity." + s.name(), Locale.CHINA),
                                    text("severity." + s.name(), Locale.ENGLISH)));
                }
            }
            case ROUND ->
                keys.stream().map(Long::valueOf).sorted().forEach(id -> {
                    RoundView r = rounds.get(id);
                    names.put(id.toString(), new Named(id.toString(), r.name(), r.name()));
                });
            case UNIT -> throw new IllegalArgumentException("units are named by the org tree");
        }
        return names;
    }

    private List<Dashboard.Ranking> rankings(List<Dashboard.Line> lines, List<Dashboard.Line> before) {
        Map<String, List<Dashboard.Line>> sections = lines.stream()
                .filter(l -> !"SELF".equals(l.section()) && !"NONE".equals(l.section()))
                .filter(l -> l.figures().count(Figure.PROBLEMS) > 0)
                .collect(Collectors.groupingBy(Dashboard.Line::section, LinkedHashMap::new, Collectors.toList()));
        Map<String, Map<String, Integer>> previous = new HashMap<>();
        before.stream()
                .filter(l -> !"SELF".equals(l.section()) && !"NONE".equals(l.section()))
                .filter(l -> l.figures().count(Figure.PROBLEMS) > 0)
                .collect(Collectors.groupingBy(Dashboard.Line::section, LinkedHashMap::new, Collectors.toList()))
                .forEach((section, ls) -> previous.put(section, ranks(ls)));
        List<Dashboard.Ranking> rankings = new ArrayList<>();
        sections.forEach((section, ls) -> {
            Map<String, Integer> ranks = ranks(ls);
            List<Dashboard.Line> ordered = ls.stream()
                    .sorted(Comparator.comparing((Dashboard.Line l) -> ranks.get(l.key()))
                            .thenComparing(l -> l.name().nameZh()))
                    .toList();
            // the bottom places (at most half the units), with those tied with them, unless tied with the best
            int places = Math.min(laggards, ordered.size() / 2);
            int cutoff = places == 0
                    ? Integer.MAX_VALUE
                    : ranks.get(ordered.get(ordered.size() - places).key());
            List<Dashboard.Ranked> ranked = new ArrayList<>();
            for (Dashboard.Line l : ordered) {
                int rank = ranks.get(l.key());
                ranked.add(new Dashboard.Ranked(
                        rank, previous.getOrDefault(section, Map.of()).get(l.key()), l, rank > 1 && rank >= cutoff));
            }
            rankings.add(new Dashboard.Ranking(section, ranked));
        });
        return rankings;
    }

    /** Competition ranks ("1, 2, 2, 4") by closure rate, then on-time rate, higher first; no rate ranks last. */
    private static Map<String, Integer> ranks(List<Dashboard.Line> lines) {
        Function<Dashboard.Line, double[]> score = l -> new double[] {
            l.figures().closureRate() == null ? -1 : l.figures().closureRate(),
            l.figures().onTimeRate() == null ? -1 : l.figures().onTimeRate()
        };
        Comparator<Dashboard.Line> better =
                Comparator.comparing((Dashboard.Line l) -> -score.apply(l)[0]).thenComparing(l -> -score.apply(l)[1]);
        List<Dashboard.Line> sorted = lines.stream().sorted(better).toList();
        Map<String, Integer> ranks = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            Dashboard.Line l = sorted.get(i);
            boolean tie = i > 0 && better.compare(sorted.get(i - 1), l) == 0;
            ranks.put(l.key(), tie ? ranks.get(sorted.get(i - 1).key()) : i + 1);
        }
        return ranks;
    }

    /**
     * {@link #WEEKS} weeks ending on the as-of day, oldest first, in one statement: the scope's spans
     * valid at any of the week-ends are read once, and each week's four figures are summed over the
     * spans valid at its end, with its own parameters (suffixed by the week).
     */
    private Supplier<List<Dashboard.Week>> trend(FigureFilter filter, LocalDate asOf) {
        List<LedgerFilter> filters = new ArrayList<>();
        List<LedgerCriteria> criteria = new ArrayList<>();
        List<String> sums = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        for (int i = WEEKS - 1; i >= 0; i--) {
            LocalDate end = asOf.minusDays(7L * i);
            LocalDate start = end.minusDays(6);
            LedgerFilter week = filter.at(i == 0 ? filter.asOf() : end, start).ledger(filter.unitId(), false);
            LedgerCriteria c = scope.resolve(LedgerKind.PROBLEMS, week);
            Map<String, Object> own = new HashMap<>();
            c.moment().bind(own);
            Instant periodStart = LedgerScope.start(start);
            String valid = c.moment().valid("h");
            List<String> conditions = List.of(
                    FigureSql.of(Figure.NEW, c.moment(), c.bounds(), periodStart, own),
                    FigureSql.of(Figure.CLOSED_IN_PERIOD, c.moment(), c.bounds(), periodStart, own),
                    FigureSql.of(Figure.OPEN, c.moment(), c.bounds(), null, own),
                    FigureSql.of(Figure.OVERDUE, c.moment(), c.bounds(), null, own));
            for (int f = 0; f < conditions.size(); f++) {
                sums.add(suffixed(
                                "sum(case when " + valid + " and " + conditions.get(f) + " then 1 else 0 end)",
                                own.keySet(),
                                i)
                        + " w" + i + "_" + f);
            }
            for (Map.Entry<String, Object> e : own.entrySet()) {
                params.put(e.getKey() + "_" + i, e.getValue());
            }
            filters.add(week);
            criteria.add(c);
        }
        LedgerCriteria oldest = criteria.get(0);
        LedgerCriteria latest = criteria.get(criteria.size() - 1);
        params.putAll(latest.params());
        String reach = "";
        if (!oldest.moment().live()) {
            // no span that ended before the oldest week-end counts in any week
            reach = " and (h.valid_to is null or h.valid_to >= :trendFirstEnd)";
            params.put("trendFirstEnd", Moment.utc(oldest.moment().end()));
        }
        String sql = "select " + String.join(", ", sums) + " from problem_history h join inspection_round r"
                + " on r.id = h.round_id where " + latest.where() + reach;
        return () -> jdbc.queryForObject(sql, params, (rs, n) -> {
            List<Dashboard.Week> weeks = new ArrayList<>();
            for (int k = 0; k < WEEKS; k++) {
                int i = WEEKS - 1 - k;
                LocalDate end = asOf.minusDays(7L * i);
                weeks.add(new Dashboard.Week(
                        end.minusDays(6),
                        end,
                        rs.getLong("w" + i + "_0"),
                        rs.getLong("w" + i + "_1"),
                        rs.getLong("w" + i + "_2"),
                        rs.getLong("w" + i + "_3"),
                        filters.get(k)));
            }
            return weeks;
        });
    }

    /** The SQL with each of these parameters renamed to its name and "_" and the suffix. */
    private static String suffixed(String sql, java.util.Set<String> names, int suffix) {
        String result = sql;
        for (String name : names) {
            result = result.replaceAll(":" + name + "\\b", ":" + name + "_" + suffix);
        }
        return result;
    }

    private static Named named(OrgUnitView unit) {
        return new Named(unit.id().toString(), unit.nameZh(), unit.nameEn());
    }

    private static Named named(ReferenceItem item) {
        return new Named(item.code(), item.nameZh(), item.nameEn());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
