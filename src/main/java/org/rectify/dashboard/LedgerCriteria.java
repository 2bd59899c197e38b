package org.rectify.dashboard;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rectify.deadline.ColourBounds;
import org.rectify.inspection.RoundView;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A ledger's rows as SQL: the conditions of scope and filters on {@code p} (problem) and {@code t} (task),
 * with their parameters, checked and resolved once for the caller. The same criteria serve the page, the
 * count, the export's chunks and its summary, so all of them show the same rows.
 *
 * @param nothing the caller sees no case at all (ADMIN): no query needs to run
 * @param round   the round filtered by, if any (the export's title names it)
 */
record LedgerCriteria(LedgerKind kind, String where, Map<String, Object> params, boolean nothing, RoundView round,
                      LocalDate today, ColourBounds bounds, LedgerFilter filter) {

    LedgerCriteria {
        params = Map.copyOf(params);
    }

    /** Fresh parameters for one query, with that query's own added. */
    MapSqlParameterSource params(Map<String, ?> more) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.putAll(more);
        return new MapSqlParameterSource(all);
    }
}
