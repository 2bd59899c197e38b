package org.rectify.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a transaction inserts that nobody reads back before it commits (audit records, history spans): kept
 * per statement and written in one batch when the transaction is about to commit, or when a batch is full, or
 * when the owner is about to read the table ({@link #write}). A transaction that does many things (an
 * imported list of thousands of problems) then waits for the database once per batch, not once per row; with
 * MySQL's {@code rewriteBatchedStatements} a batch is one multi-row insert. Rows of a transaction that rolls
 * back are never written. Without a transaction a row is written at once.
 * <p>
 * Every transaction gets its batches when it begins (this is a {@link TransactionExecutionListener}, which
 * Spring Boot hands to the transaction manager), so that a row added while it commits, by another
 * synchronization's work before the commit (a process start) or by the commit's own flush of entities, still
 * finds them: it is written at once, since the batches have gone out.
 * <p>
 * A {@link Keyed} statement's owner gets the generated keys of the transaction's rows as the last thing before
 * the commit, after every batch is written (the audit trail seals its records into the chain there), and is
 * told how many rows committed.
 */
@Component
public class TransactionBatches implements TransactionExecutionListener {

    /** A statement's rows are written by batches of at most this many. */
    static final int BATCH = 500;

    /**
     * A statement whose rows' generated keys are handed, with the rows, all of a transaction's at once and in
     * the order the rows were added, to {@code beforeCommit} when every batch has been written (a row added
     * after that at once, alone); {@code committed} is told how many of its rows the transaction committed.
     */
    public record Keyed(String sql, BiConsumer<List<Long>, List<Object[]>> beforeCommit, LongConsumer committed) {}

    private final JdbcTemplate jdbc;

    TransactionBatches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        if (beginFailure == null && TransactionSynchronizationManager.isSynchronizationActive()) {
            pending();
        }
    }

    /**
     * Inserts this row with this statement when the transaction is about to commit (or sooner). The row's
     * array is returned: changed while {@link #waiting} it is written as changed.
     */
    public Object[] add(String sql, Object... row) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(sql, row);
        } else {
            pending().add(sql, null, row);
        }
        return row;
    }

    /** Inserts this row with this keyed statement when the transaction is about to commit (or sooner). */
    public void add(Keyed statement, Object... row) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            List<Long> keys = insert(statement.sql(), List.<Object[]>of(row));
            statement.beforeCommit().accept(keys, List.<Object[]>of(row));
            statement.committed().accept(keys.size());
        } else {
            pending().add(statement.sql(), statement, row);
        }
    }

    /** Whether this row (the array {@link #add} returned) is kept, not written yet. */
    public boolean waiting(String sql, Object[] row) {
        Pending pending = bound();
        return pending != null && pending.holds(sql, row);
    }

    /** Writes the rows kept for this statement now: the caller is about to read what they go into. */
    public void write(String sql) {
        Pending pending = bound();
        if (pending != null) {
            pending.write(sql);
        }
    }

    private Pending bound() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? (Pending) TransactionSynchronizationManager.getResource(this)
                : null;
    }

    /** This transaction's rows, bound to it when it begins (or, outside the transaction manager, at the first). */
    private Pending pending() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    /** Inserts the rows in one batch and answers their generated keys, in order. */
    private List<Long> insert(String sql, List<Object[]> rows) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(
                con -> con.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS),
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Object[] row = rows.get(i);
                        for (int c = 0; c < row.length; c++) {
                            StatementCreatorUtils.setParameterValue(ps, c + 1, SqlTypeValue.TYPE_UNKNOWN, row[c]);
                        }
                    }

                    @Override
                    public int getBatchSize() {
                        return rows.size();
                    }
                },
                keys);
        List<Map<String, Object>> written = keys.getKeyList();
        if (written.size() != rows.size()) {
            throw new IllegalStateException("rows written: " + rows.size() + ", keys returned: " + written.size());
        }
        List<Long> ids = new ArrayList<>(written.size());
        written.forEach(k -> ids.add(((Number) k.values().iterator().next()).longValue()));
        return ids;
    }

    /** A keyed statement's rows written in this transaction: those not yet handed over, and the count. */
    private static final class Written {
        final List<Long> keys = new ArrayList<>();
        final List<Object[]> rows = new ArrayList<>();
        long count;
    }

    private final class Pending implements TransactionSynchronization {

        private final Map<String, List<Object[]>> rows = new LinkedHashMap<>(4);
        private final Map<String, Keyed> keyedBySql = new LinkedHashMap<>(2);
        private final Map<Keyed, Written> written = new LinkedHashMap<>(2);
        private boolean closed;

        void add(String sql, Keyed keyed, Object[] row) {
            if (keyed != null) {
                keyedBySql.putIfAbsent(sql, keyed);
            }
            List<Object[]> kept = rows.computeIfAbsent(sql, s -> new ArrayList<>());
            kept.add(row);
            if (closed) {
                write(sql);
                handOver();
            } else if (kept.size() >= BATCH) {
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
            if (kept == null || kept.isEmpty()) {
                return;
            }
            Keyed keyed = keyedBySql.get(sql);
            if (keyed == null) {
                jdbc.batchUpdate(sql, kept);
            } else {
                Written w = written.computeIfAbsent(keyed, k -> new Written());
                List<Long> keys = insert(sql, kept);
                w.keys.addAll(keys);
                w.rows.addAll(kept);
                w.count += keys.size();
            }
            kept.clear();
        }

        /** Hands the keys written so far to their owners. */
        void handOver() {
            written.forEach((keyed, w) -> {
                if (!w.keys.isEmpty()) {
                    List<Long> keys = List.copyOf(w.keys);
                    List<Object[]> rows = List.copyOf(w.rows);
                    w.keys.clear();
                    w.rows.clear();
                    keyed.beforeCommit().accept(keys, rows);
                }
            });
        }

        /** Last of the synchronizations: what the others write before the commit is in the batches. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        /**
         * Writes the entities' changes first (the commit would flush them after this, with the audit chain's head
         * held: every sealing transaction would then wait for another's SQL), then the batches.
         */
        @Override
        public void beforeCommit(boolean readOnly) {
            if (!readOnly && !keyedBySql.isEmpty()) {
                // The transaction's entity manager, bound by the JPA transaction manager (none in a plain JDBC one).
                TransactionSynchronizationManager.getResourceMap().values().stream()
                        .filter(EntityManagerHolder.class::isInstance)
                        .map(EntityManagerHolder.class::cast)
                        .toList()
                        .forEach(holder -> holder.getEntityManager().flush());
            }
            rows.keySet().forEach(this::write);
            handOver();
            closed = true;
        }

        @Override
        public void afterCommit() {
            written.forEach((keyed, w) -> keyed.committed().accept(w.count));
        }

        /** An inner transaction of its own (REQUIRES_NEW) begins: it gets batches of its own. */
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBatches.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(TransactionBatches.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBatches.this);
        }
    }
}
