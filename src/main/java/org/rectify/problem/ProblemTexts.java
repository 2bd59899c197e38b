package org.rectify.problem;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Problems' texts for the similar-problem index, without a scope check (it holds every problem; its readers'
 * scopes are applied to what it answers). A problem's title and description never change once registered, so
 * the index only ever needs the problems it has not seen.
 */
@Service
@Transactional(readOnly = true)
public class ProblemTexts {

    /** What the index holds of a problem. */
    public record Text(long id, String title, String description) {}

    private final JdbcTemplate jdbc;

    ProblemTexts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every problem with an id above this one, in id order, in batches of {@code fetch}. */
    public void after(long id, int fetch, Consumer<Text> each) {
        jdbc.query(
                con -> {
                    var s = con.prepareStatement("select id, title, description from problem where id > ? order by id");
                    s.setLong(1, id);
                    s.setFetchSize(fetch);
                    return s;
                },
                rs -> {
                    each.accept(new Text(rs.getLong(1), rs.getString(2), rs.getString(3)));
                });
    }

    /** The ids of the problems registered at or after this instant (a few minutes' worth). */
    public List<Long> registeredSince(Instant since) {
        return jdbc.queryForList(
                "select id from problem where registered_at >= ?",
                Long.class,
                java.time.LocalDateTime.ofInstant(since, java.time.ZoneOffset.UTC));
    }

    /** The texts of these problems. */
    public List<Text> of(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.query(
                "select id, title, description from problem where id in (" + marks + ")",
                (rs, n) -> new Text(rs.getLong(1), rs.getString(2), rs.getString(3)),
                ids.toArray());
    }
}
