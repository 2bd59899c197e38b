package org.rectify.ui;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rectify.deadline.DeadlineColour;
import org.rectify.problem.ProblemFilter;
import org.rectify.problem.ProblemStatus;
import org.rectify.problem.Severity;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The problem list's query string: the filters (blank means any), the sort column and direction,
 * the page. Only the columns of {@link #SORTS} sort; anything else falls back to the number.
 */
record ProblemListQuery(
        Long round,
        ProblemStatus status,
        Long unit,
        String source,
        String category,
        Severity severity,
        DeadlineColour colour,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
        String q,
        String sort,
        String dir,
        Integer page) {

    static final int PAGE_SIZE = 20;
    /** Sort keys of the page and the properties they sort by. */
    static final Map<String, String> SORTS = Map.of(
            "number",
            "number",
            "deadline",
            "deadlineDate",
            "status",
            "status",
            "registered",
            "registeredAt",
            "id",
            "id");

    ProblemListQuery {
        source = blankToNull(source);
        category = blankToNull(category);
        q = blankToNull(q);
        sort = sort != null && SORTS.containsKey(sort) ? sort : "number";
        dir = "desc".equals(dir) ? "desc" : "asc";
        page = page == null ? 0 : Math.max(page, 0);
    }

    ProblemFilter filter() {
        return new ProblemFilter(round, status, unit, category, severity, q, colour, source, from, to);
    }

    /** This page, sorted as asked (the list breaks ties by id, so that paging is stable). */
    Pageable pageable() {
        Sort.Direction direction = "desc".equals(dir) ? Sort.Direction.DESC : Sort.Direction.ASC;
        return PageRequest.of(page, PAGE_SIZE, Sort.by(direction, SORTS.get(sort)));
    }

    /** A column header's link and its aria-sort value (null when the list is not sorted by it). */
    record SortLink(String href, String ariaSort) {}

    /** The header links of the sortable columns: the same filters, that column, the other direction if current. */
    Map<String, SortLink> sortLinks() {
        Map<String, SortLink> links = new LinkedHashMap<>();
        for (String key : SORTS.keySet()) {
            boolean current = key.equals(sort);
            String nextDir = current && "asc".equals(dir) ? "desc" : "asc";
            links.put(
                    key,
                    new SortLink(
                            link(key, nextDir), current ? ("asc".equals(dir) ? "ascending" : "descending") : null));
        }
        return links;
    }

    private String link(String sortKey, String direction) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/problems");
        param(b, "round", round);
        param(b, "status", status);
        param(b, "unit", unit);
        param(b, "source", source);
        param(b, "category", category);
        param(b, "severity", severity);
        param(b, "colour", colour);
        param(b, "from", from);
        param(b, "to", to);
        param(b, "q", q);
        return b.queryParam("sort", sortKey)
                .queryParam("dir", direction)
                .build()
                .encode()
                .toUriString();
    }

    private static void param(UriComponentsBuilder b, String name, Object value) {
        if (value != null) {
            b.queryParam(name, value);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
