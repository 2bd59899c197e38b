package org.rectify.problem;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bigram index of problems' titles and numbers (db/common/V38__problem_gram.sql): written here, in SQL,
 * for one problem as it is registered or for a range of ids loaded in bulk, and cut from a search text in
 * the same way for the list's query.
 */
@Component
public class ProblemGrams {

    /** The statements that index the problems of an id range (both ends included, two parameters each). */
    public static final List<String> INDEX = List.of(ProblemGrams.TITLE, ProblemGrams.NUMBER);

    private static final String TITLE = "insert into problem_gram (gram, problem_id, pos, region_path)"
            + " select substring(p.title, g.i, 2), p.id, g.i, p.region_path from problem p"
            + " join gram_position g on g.i < char_length(p.title) where p.id between ? and ?";
    private static final String NUMBER = "insert into problem_gram (gram, problem_id, pos, region_path)"
            + " select substring(p.number, g.i, 2), p.id, 1000 + g.i, p.region_path from problem p"
            + " join gram_position g on g.i < char_length(p.number) where p.id between ? and ?";

    private final JdbcTemplate jdbc;

    public ProblemGrams(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Indexes the problems of these ids (both included), which must not be indexed yet. */
    public void index(long fromId, long toId) {
        for (String statement : INDEX) {
            jdbc.update(statement, fromId, toId);
        }
    }

    /**
     * A search text as the list looks for it: stripped, without LIKE's wildcards (searched for as text, they
     * would match anything).
     */
    static String searchText(String text) {
        return text.strip().replace("%", "").replace("_", "");
    }

    /**
     * The one pair of characters a search text is, if it is one (two code points): holding that pair, in the
     * title or the number, is what the list's LIKE tests, so its matches can be counted from the index alone.
     */
    static java.util.Optional<String> onePair(String searchText) {
        return searchText.codePointCount(0, searchText.length()) == 2
                ? java.util.Optional.of(searchText)
                : java.util.Optional.empty();
    }

    /**
     * The distinct pairs of adjacent characters of a search text (by code point, as the database cuts them),
     * at most {@code max}, spread over the text: a problem that contains the text contains each of them.
     */
    static List<String> of(String text, int max) {
        int[] cps = text.codePoints().toArray();
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + 1 < cps.length; i++) {
            grams.add(new String(cps, i, 2));
        }
        List<String> all = List.copyOf(grams);
        if (all.size() <= max) {
            return all;
        }
        // First, last and evenly between: they overlap the whole text.
        Set<String> spread = new LinkedHashSet<>();
        for (int k = 0; k < max; k++) {
            spread.add(all.get((int) Math.round(k * (all.size() - 1) / (double) (max - 1))));
        }
        return List.copyOf(spread);
    }
}
