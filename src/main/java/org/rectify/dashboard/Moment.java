package org.rectify.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.rectify.common.Zones;

/**
 * The point in time figures and ledgers are read at: now (the live state), or the end of a past day in
 * China. A past moment reads problem_history and task_history as they stood at the next midnight
 * (see db/common/V22__item_history.sql); records with a time of their own (extension decisions, orders,
 * look-backs) count if they happened before it. An instant ({@link #at}) reads them the same way, with
 * the colours of its day: the moment a roll-up was counted at.
 *
 * @param day the day whose colours apply: today, or the past day
 */
record Moment(LocalDate day, Instant end, boolean live) {

    static Moment now(LocalDate today) {
        return new Moment(today, null, true);
    }

    static Moment endOf(LocalDate day) {
        return new Moment(day, day.plusDays(1).atStartOfDay(Zones.CHINA).toInstant(), false);
    }

    static Moment at(Instant instant) {
        return new Moment(instant.atZone(Zones.CHINA).toLocalDate(), instant, false);
    }

    /** The span of {@code alias} (a history table) is the one valid at this moment. */
    String valid(String alias) {
        return live
                ? alias + ".valid_to is null"
                : "(" + alias + ".valid_from < :asOfEnd and (" + alias + ".valid_to is null or " + alias
                        + ".valid_to >= :asOfEnd))";
    }

    /** The time in {@code column} (null until it happens) has come by this moment. */
    String reached(String column) {
        return live ? column + " is not null" : column + " < :asOfEnd";
    }

    /** The time in {@code column} lies in [start, this moment). */
    String since(String column, Instant start, Map<String, Object> params) {
        params.put("periodStart", utc(start));
        return column + " >= :periodStart" + (live ? "" : " and " + column + " < :asOfEnd");
    }

    /** Puts this moment's parameter. */
    void bind(Map<String, Object> params) {
        if (!live) {
            params.put("asOfEnd", utc(end));
        }
    }

    /** Instants are stored as UTC wall time (hibernate.jdbc.time_zone). */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
