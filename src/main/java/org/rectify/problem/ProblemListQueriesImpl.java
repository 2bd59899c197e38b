package org.rectify.problem;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.rectify.problem.ProblemSpecs.UnitMatch;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;
import org.springframework.data.support.PageableExecutionUtils;

/**
 * A page of the problem list in two steps: the ids of the page, in order, then the rows of those ids.
 * <p>
 * The first step reads only the columns it filters and sorts by, which the list's indexes hold (see
 * {@code db/common/V21__list_pages.sql}), so a deep page skips its offset inside an index instead of
 * reading (or sorting) the full rows before it: page 2000 of 100,000 problems skips 39,980 index entries.
 * The second reads 20 rows by primary key.
 */
class ProblemListQueriesImpl implements ProblemListQueries {

    /** See {@link #readsInOrder}. */
    static final int ORDERED_READ_SHARE = 50;

    @PersistenceContext
    private EntityManager em;

    @Override
    public Page<Problem> findPage(
            Function<UnitMatch, Specification<Problem>> conditions,
            boolean onUnits,
            OptionalLong count,
            Pageable pageable) {
        Specification<Problem> joined = conditions.apply(UnitMatch.JOINED);
        if (!onUnits) {
            List<Long> ids = ids(joined, pageable);
            return PageableExecutionUtils.getPage(
                    rows(ids), pageable, () -> count.isPresent() ? count.getAsLong() : count(joined));
        }
        // With a condition on the units the count comes first: it decides how the page's ids are read.
        long total = count.isPresent() ? count.getAsLong() : count(joined);
        if (total == 0 || pageable.isPaged() && pageable.getOffset() >= total) {
            return new PageImpl<>(List.of(), pageable, total);
        }
        List<Long> ids =
                ids(readsInOrder(pageable, total) ? conditions.apply(UnitMatch.PER_PROBLEM) : joined, pageable);
        return new PageImpl<>(rows(ids), pageable, total);
    }

    /**
     * Whether a page of a list with a condition on the units is best read in the sort's index order, testing
     * each problem's units ({@link UnitMatch#PER_PROBLEM}), rather than by joining all matching units: when the
     * page ends within the first fiftieth of the matches. A join reads every match; the ordered read, spread
     * evenly, reads (offset + size) * all / matches problems, here at most a fiftieth of all.
     */
    static boolean readsInOrder(Pageable pageable, long total) {
        return pageable.isPaged() && (pageable.getOffset() + pageable.getPageSize()) * ORDERED_READ_SHARE <= total;
    }

    /** The ids of this page, in order, from the columns the list's indexes hold. */
    private List<Long> ids(Specification<Problem> spec, Pageable pageable) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<Problem> root = matching(query, spec);
        query.select(root.get("id")).orderBy(QueryUtils.toOrders(pageable.getSort(), root, cb));
        TypedQuery<Long> page = em.createQuery(query);
        if (pageable.isPaged()) {
            page.setFirstResult(Math.toIntExact(pageable.getOffset())).setMaxResults(pageable.getPageSize());
        }
        return page.getResultList();
    }

    /** The rows of these ids, in the ids' order, with their units in the same select (not one select each). */
    private List<Problem> rows(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Problem> byId = em
                .createQuery("select p from Problem p left join fetch p.units where p.id in :ids", Problem.class)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .collect(Collectors.toMap(Problem::getId, Function.identity()));
        // A problem gone since the first step (none is ever deleted today) is left out, not a null.
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private long count(Specification<Problem> spec) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        query.select(cb.count(matching(query, spec)));
        return em.createQuery(query).getSingleResult();
    }

    /** The query's problems, restricted by the specification; their root. */
    private Root<Problem> matching(CriteriaQuery<Long> query, Specification<Problem> spec) {
        Root<Problem> root = query.from(Problem.class);
        Predicate where = spec.toPredicate(root, query, em.getCriteriaBuilder());
        if (where != null) {
            query.where(where);
        }
        return root;
    }
}
