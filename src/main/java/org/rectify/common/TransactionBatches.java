package org.rectify.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a transaction inserts that nobody reads back before it commits (audit records, history spans): kept
 * per statement and written in one batch when the transaction is about to commit, or when a batch is full, or
 * when the owner is about to read the table ({@link #write(String)}). A transaction that does many things (an
 * imported list of thousands of problems) then waits for the database once per batch, not once per row; with
 * MySQL's {@code rewriteBatchedStatements} a batch is one multi-row insert. Rows of a transaction that rolls
 * back are never written. A row added after the batches went out (from the commit's own flush of entities)
 * is written at once. Without a transaction a row is written at once.
 */
@Component
public class TransactionBatches {

    /** A statement's rows are written by batches of at most this many. */
    static final int BATCH = 500;

    private final JdbcTemplate jdbc;

    TransactionBatches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts this row with this statement when the transaction is about to commit (or sooner). The row's
     * array is returned: changed while {@link #waiting} it is written as changed.
     */
    public Object[] add(String sql, Object... row) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(sql, row);
        } else {
            pending().add(sql, row);
        }
        return row;
    }

    /**
     * Binds this transaction's batches now, before anything is added: rows may then be added while it commits
     * (by what other synchronizations do before the commit, such as process starts), when a synchronization
     * registered only then would never run, and its rows never be written. The audit trail calls it with every
     * change.
     */
    public void prepare() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pending();
        }
    }

    /** Whether this row (the array {@link #add} returned) is kept, not written yet. */
    public boolean waiting(String sql, Object[] row) {
        Pending pending = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Pending) TransactionSynchronizationManager.getResource(this) : null;
        return pending != null && pending.holds(sql, row);
    }

    /** Writes the rows kept for this statement now: the caller is about to read what they go into. */
    public void write(String sql) {
        Pending pending = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Pending) TransactionSynchronizationManager.getResource(this) : null;
        if (pending != null) {
            pending.write(sql);
        }
    }

    /** This transaction's rows, bound to it when it keeps its first. */
    private Pending pending() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    private final class Pending implements TransactionSynchronization {

        private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();
        private boolean closed;

        void add(String sql, Object[] row) {
            List<Object[]> kept = rows.computeIfAbsent(sql, s -> new ArrayList<>());
            kept.add(row);
            if (closed || kept.size() >= BATCH) {
                write(sql);
            }
        }

        boolean holds(String sql, Object[] row) {
            List<Object[]> kept = rows.get(sql);
            if (kept != null) {
                // The row asked about is usually the last one added.
                for (int i = kept.size() - 1; i >= 0; i--) {
                    if (kept.get(i) == row) {
                        return true;
                    }
                }
            }
            return false;
        }

        void write(String sql) {
            List<Object[]> kept = rows.get(sql);
            if (kept != null && !kept.isEmpty()) {
                jdbc.batchUpdate(sql, kept);
                kept.clear();
            }
        }

        /** Last of the synchronizations: what the others write before the commit is in the batches. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            rows.keySet().forEach(this::write);
            closed = true;
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBatches.this);
        }
    }
}
