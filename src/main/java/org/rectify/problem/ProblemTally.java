package org.rectify.problem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many problems a region holds, in all or in one state, without reading them
 * (db/common/V36__problem_tally.sql): the tally as of its last fold plus the changes the triggers on
 * problem wrote since, read in one statement, so that the sum is of one moment and equals a count of the
 * problems themselves at that moment.
 */
@Service
public class ProblemTally {

    private static final String IN_REGION = " where region_path like concat(?, '%')";
    private static final String IN_STATE = " and status = ?";

    private static final int DELETE_CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate inOwnTransaction;
    private final int foldBatch;

    ProblemTally(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            @Value("${rectify.problem-tally.fold-batch:20000}") int foldBatch) {
        this.jdbc = jdbc;
        this.inOwnTransaction = new TransactionTemplate(transactions);
        this.inOwnTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        this.foldBatch = foldBatch;
    }

    /** The problems whose region path starts with this one, in this state (null: in any). */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public long count(String regionPath, ProblemStatus status) {
        String where = IN_REGION + (status == null ? "" : IN_STATE);
        Object[] args = status == null
                ? new Object[] {regionPath, regionPath}
                : new Object[] {regionPath, status.name(), regionPath, status.name()};
        Long count = jdbc.queryForObject(
                "select coalesce(sum(n), 0) from (select problems as n from problem_tally" + where
                        + " union all select delta as n from problem_tally_change" + where + ") counted",
                Long.class,
                args);
        return count == null ? 0 : count;
    }

    /**
     * Adds the changes written so far into the tally and deletes them, a batch per transaction, until none is
     * left; the number of changes folded. Nodes fold one at a time (the row of problem_tally_fold is the lock).
     * A change not yet committed is not seen, so not deleted either: it is folded by a later run.
     */
    public int fold() {
        int folded = 0;
        int batch;
        do {
            batch = inOwnTransaction.execute(status -> foldBatch());
            folded += batch;
        } while (batch == foldBatch);
        return folded;
    }

    private int foldBatch() {
        jdbc.queryForObject("select folded_at from problem_tally_fold where id = 1 for update", Long.class);
        List<Long> ids = new ArrayList<>();
        Map<List<String>, Long> sums = new HashMap<>();
        jdbc.query(
                "select id, region_path, status, delta from problem_tally_change order by id limit ?",
                rs -> {
                    ids.add(rs.getLong(1));
                    sums.merge(List.of(rs.getString(2), rs.getString(3)), rs.getLong(4), Long::sum);
                },
                foldBatch);
        if (ids.isEmpty()) {
            return 0;
        }
        sums.forEach((key, delta) -> {
            if (delta != 0
                    && jdbc.update(
                                    "update problem_tally set problems = problems + ? where region_path = ?"
                                            + " and status = ?",
                                    delta,
                                    key.get(0),
                                    key.get(1))
                            == 0) {
                jdbc.update(
                        "insert into problem_tally (region_path, status, problems) values (?, ?, ?)",
                        key.get(0),
                        key.get(1),
                        delta);
            }
        });
        deleteFolded(ids);
        jdbc.update("update problem_tally_fold set folded_at = ? where id = 1", System.currentTimeMillis());
        return ids.size();
    }

    /**
     * Deletes these changes by their ids, a chunk per statement. Not by ranges of ids: a range scan on
     * MariaDB also reads the row after its end, and waits (a lock timeout, at worst) while a change a long
     * transaction wrote there is not committed, as during an imported list of thousands of problems.
     */
    private void deleteFolded(List<Long> ids) {
        for (int from = 0; from < ids.size(); from += DELETE_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + DELETE_CHUNK));
            jdbc.update(
                    "delete from problem_tally_change where id in ("
                            + String.join(",", Collections.nCopies(chunk.size(), "?")) + ")",
                    chunk.toArray());
        }
    }
}
