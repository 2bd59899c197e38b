package org.rectify.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.rectify.common.Zones;
import org.rectify.deadline.DeadlinePolicy;
import org.rectify.org.UnitKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts every figure of every region above the county at one {@link Moment} into figure_rollup (see
 * db/common/V32__figure_rollups.sql): three grouped reads over all spans valid at the moment (problems,
 * tasks, days to close), with the criteria and {@link FigureSums} the live dashboard uses, folded in
 * Java onto each level's regions and anchors. Whoever inserts the moment's row builds it; the others
 * skip it.
 */
@Component
class RollupBuilder {

    private static final Logger log = LoggerFactory.getLogger(RollupBuilder.class);
    private static final List<String> REGION_KINDS_ABOVE_COUNTY =
            List.of(UnitKind.NATION.name(), UnitKind.PROVINCE.name(), UnitKind.CITY.name());
    /** A claim not finished within this many minutes is taken to be dead (its node crashed). */
    private static final long STALE_MINUTES = 60;

    private static final int BATCH = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final DeadlinePolicy deadlines;
    private final TransactionTemplate own;

    RollupBuilder(
            NamedParameterJdbcTemplate jdbc,
            DataSource dataSource,
            DeadlinePolicy deadlines,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        JdbcTemplate plain = new JdbcTemplate(dataSource);
        // MySQL's driver holds a whole result in memory unless it streams (fetch size MIN_VALUE)
        plain.setFetchSize(isMySql(dataSource) ? Integer.MIN_VALUE : 1000);
        this.streaming = new NamedParameterJdbcTemplate(plain);
        this.deadlines = deadlines;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The depths whose rows the dashboards read: one below each region above the county. */
    Set<Integer> levels() {
        Set<Integer> levels = new HashSet<>();
        jdbc.query(
                "select path from org_unit where kind in (:kinds)", Map.of("kinds", REGION_KINDS_ABOVE_COUNTY), rs -> {
                    levels.add(depth(rs.getString(1)) + 1);
                });
        return levels;
    }

    /**
     * Builds the moment named {@code kind} and {@code slot} unless it exists (built or being built by
     * another run); returns whether this run built it.
     */
    boolean build(String kind, String slot, Moment moment, Instant now) {
        Set<Integer> levels = levels();
        Long id = claim(kind, slot, moment, now);
        if (id == null) {
            return false;
        }
        long started = System.nanoTime();
        try {
            Map<Key, long[]> sums = new HashMap<>();
            Map<Key, TreeMap<Integer, Long>> histograms = new HashMap<>();
            count(moment, levels, sums, histograms);
            own.executeWithoutResult(t -> {
                write(id, sums, histograms);
                jdbc.update("update figure_moment set ready = true where id = :id", Map.of("id", id));
            });
            log.info(
                    "figure roll-up {} {} built: {} rows in {} ms",
                    kind,
                    slot,
                    sums.size(),
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (RuntimeException e) {
            own.executeWithoutResult(t -> jdbc.update("delete from figure_moment where id = :id", Map.of("id", id)));
            throw e;
        }
    }

    private Long claim(String kind, String slot, Moment moment, Instant now) {
        Map<String, Object> row = Map.of(
                "kind",
                kind,
                "slot",
                slot,
                "day",
                moment.day(),
                "takenAt",
                Moment.utc(moment.end()),
                "now",
                Moment.utc(now),
                "stale",
                Moment.utc(now.minusSeconds(STALE_MINUTES * 60)));
        return own.execute(t -> {
            jdbc.update(
                    "delete from figure_moment where kind = :kind and slot = :slot and ready = false"
                            + " and claimed_at < :stale",
                    row);
            try {
                jdbc.update(
                        "insert into figure_moment (kind, slot, on_day, taken_at, claimed_at, ready)"
                                + " values (:kind, :slot, :day, :takenAt, :now, false)",
                        row);
            } catch (DuplicateKeyException taken) {
                return null;
            }
            return jdbc.queryForObject(
                    "select id from figure_moment where kind = :kind and slot = :slot", row, Long.class);
        });
    }

    /** One row's place: a level, a region cut to it, an anchor (the lead unit cut to it), a dimension's value. */
    private record Key(int level, String region, Long anchor, String anchorPath, String dim, String value) {}

    private void count(
            Moment moment, Set<Integer> levels, Map<Key, long[]> sums, Map<Key, TreeMap<Integer, Long>> histograms) {
        Map<Long, String> paths = new HashMap<>();
        jdbc.query("select id, path from org_unit", Map.of(), rs -> {
            paths.put(rs.getLong(1), rs.getString(2));
        });
        String cell = "h.region_path, h.lead_unit_id, r.source_type, h.category_code, h.severity, h.round_id";
        Instant periodStart = LedgerScope.start(moment.day().minusDays(6));
        for (LedgerKind kind : LedgerKind.values()) {
            LedgerCriteria all = everything(kind, moment);
            Map<String, Object> params = new HashMap<>();
            String select = FigureSums.select(kind, all, periodStart, params);
            String from = kind == LedgerKind.TASKS ? all.tasksFrom() : all.problemsFrom();
            streaming.query(
                    "select " + cell + ", " + select + from + all.where() + " group by " + cell,
                    all.params(params),
                    rs -> {
                        String region = rs.getString(1);
                        Long lead = (Long) rs.getObject(2, Long.class);
                        String[][] dims = {
                            {"ALL", ""},
                            {"SOURCE", rs.getString(3)},
                            {"CATEGORY", Objects.toString(rs.getString(4), "")},
                            {"SEVERITY", rs.getString(5)},
                            {"ROUND", Long.toString(rs.getLong(6))}
                        };
                        long[] counted = FigureSums.none();
                        FigureSums.add(kind, rs, counted);
                        for (int level : levels) {
                            for (String[] d : dims) {
                                long[] into = sums.computeIfAbsent(
                                        key(level, region, lead, paths, d[0], d[1]), k -> FigureSums.none());
                                for (int i = 0; i < into.length; i++) {
                                    into[i] += counted[i];
                                }
                            }
                        }
                    });
        }
        LedgerCriteria problems = everything(LedgerKind.PROBLEMS, moment);
        Map<String, Object> params = new HashMap<>();
        params.put("closedStates", LedgerSql.PROBLEM_CLOSED);
        streaming.query(
                "select h.region_path, h.lead_unit_id, h.working_days_to_close d, count(*) n"
                        + problems.problemsFrom() + problems.where() + " and h.status in (:closedStates)"
                        + " group by h.region_path, h.lead_unit_id, h.working_days_to_close",
                problems.params(params),
                rs -> {
                    Long lead = (Long) rs.getObject(2, Long.class);
                    for (int level : levels) {
                        histograms
                                .computeIfAbsent(
                                        key(level, rs.getString(1), lead, paths, "ALL", ""), k -> new TreeMap<>())
                                .merge(rs.getInt(3), rs.getLong(4), Long::sum);
                    }
                });
    }

    /** All problems or tasks at the moment, in nobody's scope: the roll-up's readers add theirs. */
    private LedgerCriteria everything(LedgerKind kind, Moment moment) {
        Map<String, Object> params = new HashMap<>();
        moment.bind(params);
        return new LedgerCriteria(
                kind, "1 = 1", params, false, null, moment, deadlines.colourBounds(moment.day()), null);
    }

    private static Key key(int level, String region, Long lead, Map<Long, String> paths, String dim, String value) {
        String anchorPath = lead == null ? null : cut(paths.get(lead), level);
        Long anchor = anchorPath == null ? null : last(anchorPath);
        return new Key(level, cut(region, level), anchor, anchorPath, dim, value);
    }

    private void write(long id, Map<Key, long[]> sums, Map<Key, TreeMap<Integer, Long>> histograms) {
        List<String> columns = new ArrayList<>(
                List.of("moment_id", "level_depth", "region_path", "anchor_id", "anchor_path", "dim", "dim_value"));
        for (Figure f : Figure.values()) {
            columns.add("f_" + f.name().toLowerCase(java.util.Locale.ROOT));
        }
        columns.add("days_sum");
        columns.add("histogram");
        String sql = "insert into figure_rollup (" + String.join(", ", columns) + ") values ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        List<Object[]> batch = new ArrayList<>();
        for (Map.Entry<Key, long[]> e : sums.entrySet()) {
            Key k = e.getKey();
            List<Object> values = new ArrayList<>(List.of(id, k.level(), k.region()));
            values.add(k.anchor());
            values.add(k.anchorPath());
            values.add(k.dim());
            values.add(k.value());
            for (long v : e.getValue()) {
                values.add(v);
            }
            TreeMap<Integer, Long> histogram = histograms.get(k);
            values.add(
                    histogram == null
                            ? null
                            : histogram.entrySet().stream()
                                    .map(h -> h.getKey() + ":" + h.getValue())
                                    .collect(Collectors.joining(",")));
            batch.add(values.toArray());
            if (batch.size() == BATCH) {
                jdbc.getJdbcTemplate().batchUpdate(sql, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            jdbc.getJdbcTemplate().batchUpdate(sql, batch);
        }
    }

    /** The depth of a unit by its path ("/1/" the root, 0). */
    static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }

    /** The path cut to a depth (the ancestor's path at that depth), or the path itself if not deeper. */
    static String cut(String path, int depth) {
        int slashes = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/' && ++slashes == depth + 2) {
                return path.substring(0, i + 1);
            }
        }
        return path;
    }

    private static Long last(String path) {
        String trimmed = path.substring(0, path.length() - 1);
        return Long.valueOf(trimmed.substring(trimmed.lastIndexOf('/') + 1));
    }

    private static boolean isMySql(DataSource dataSource) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            return product.contains("mysql") || product.contains("mariadb");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's name", e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /** The first instant of a day in China. */
    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Zones.CHINA).toInstant();
    }
}
