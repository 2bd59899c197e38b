package org.rectify.deadline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;

/**
 * {@link ColourBounds} as a query condition on anything with a {@code deadlineType} and a
 * {@code deadlineDate} (problems, tasks), so that lists and counts filter by colour in SQL.
 */
public final class ColourPredicates {

    private ColourPredicates() {}

    /** The deadline lies in one of the colour's ranges; whether the item is unfinished is the caller's part. */
    public static Predicate deadlineOf(Path<?> item, CriteriaBuilder cb, DeadlineColour colour, ColourBounds bounds) {
        return cb.or(bounds.of(colour).stream().map(r -> inRange(item, cb, r)).toArray(Predicate[]::new));
    }

    private static Predicate inRange(Path<?> item, CriteriaBuilder cb, ColourBounds.Range range) {
        List<Predicate> all = new ArrayList<>();
        all.add(cb.equal(item.get("deadlineType"), range.type()));
        all.add(cb.isNotNull(item.get("deadlineDate")));
        if (range.from() != null) {
            all.add(cb.greaterThanOrEqualTo(item.<LocalDate>get("deadlineDate"), range.from()));
        }
        if (range.to() != null) {
            all.add(cb.lessThanOrEqualTo(item.<LocalDate>get("deadlineDate"), range.to()));
        }
        return cb.and(all.toArray(Predicate[]::new));
    }
}
