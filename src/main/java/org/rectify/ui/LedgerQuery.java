package org.rectify.ui;

import java.time.Instant;
import java.time.LocalDate;

import org.rectify.dashboard.LedgerFilter;
import org.rectify.dashboard.LedgerKind;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The ledger page's query string: which ledger, its filters (blank means any; the service checks the
 * values and names a wrong one) and the page. The status is the task's in the task ledger and the
 * problem's in the problem ledger, so switching ledgers drops it.
 */
record LedgerQuery(
        String kind,
        Long round,
        Long unit,
        Boolean unitOnly,
        String status,
        String colour,
        String source,
        String category,
        String severity,
        String figure,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at,
        Integer page) {

    static final int PAGE_SIZE = 50;

    LedgerQuery {
        kind = "problems".equals(kind) ? "problems" : "tasks";
        page = page == null ? 0 : Math.max(page, 0);
    }

    LedgerKind ledger() {
        return "problems".equals(kind) ? LedgerKind.PROBLEMS : LedgerKind.TASKS;
    }

    LedgerFilter filter() {
        return new LedgerFilter(
                round,
                unit,
                Boolean.TRUE.equals(unitOnly),
                status,
                colour,
                source,
                category,
                severity,
                figure,
                asOf,
                from,
                at);
    }

    /** The instant of {@code at} as China's wall time, to the minute (public: for the template). */
    public String atText() {
        return at == null
                ? null
                : java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .format(at.atZone(org.rectify.common.Zones.CHINA));
    }

    Pageable pageable() {
        return PageRequest.of(page, PAGE_SIZE);
    }

    /** The page of the other (or this) ledger with the same filters; the status only for this one (public: for the template). */
    public String pageOf(String otherKind) {
        return link("/ledger", otherKind.equals(kind))
                .queryParam("kind", otherKind)
                .build()
                .encode()
                .toUriString();
    }

    /** The Excel file of a ledger with the same filters; the status only for this one. */
    public String file(String fileKind) {
        return link("/ledger/" + fileKind + ".xlsx", fileKind.equals(kind))
                .build()
                .encode()
                .toUriString();
    }

    private UriComponentsBuilder link(String path, boolean withStatus) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        param(b, "round", round);
        param(b, "unit", unit);
        param(b, "unitOnly", Boolean.TRUE.equals(unitOnly) ? true : null);
        param(b, "status", withStatus ? status : null);
        param(b, "colour", colour);
        param(b, "source", source);
        param(b, "category", category);
        param(b, "severity", severity);
        param(b, "figure", withStatus ? figure : null);
        param(b, "asOf", asOf);
        param(b, "from", from);
        param(b, "at", at);
        return b;
    }

    private static void param(UriComponentsBuilder b, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            b.queryParam(name, value);
        }
    }
}
