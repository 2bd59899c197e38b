package org.rectify.common;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows kept for a transaction are written when it commits, in the order they were added, and never when it rolls
 * back; the owner's read in the same transaction sees them; a row changed while it waits is written as changed;
 * a row added after the batches went out, and a row added without a transaction, are written at once.
 */
class TransactionBatchesIT extends IntegrationTest {

    private static final String INSERT = "insert into batch_probe (tag, n) values (?, ?)";

    @Autowired
    TransactionBatches batches;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void table() {
        jdbc.execute("create table if not exists batch_probe (id bigint not null auto_increment primary key,"
                + " tag varchar(32) not null, n int not null)");
    }

    @Test
    void keptRowsAreWrittenOnCommitInOrderAndNeverOnRollback() {
        String tag = "commit-" + System.nanoTime();
        inTransaction(() -> {
            for (int i = 0; i < TransactionBatches.BATCH + 7; i++) {
                batches.add(INSERT, tag, i);
            }
            // A full batch went out at once; the rest wait for the commit.
            assertThat(count(tag)).isEqualTo(TransactionBatches.BATCH);
            batches.write(INSERT);
            assertThat(count(tag)).isEqualTo(TransactionBatches.BATCH + 7);
            batches.add(INSERT, tag, 1000);
            assertThat(count(tag)).isEqualTo(TransactionBatches.BATCH + 7);
        });
        assertThat(jdbc.queryForList("select n from batch_probe where tag = ? order by id", Integer.class, tag))
                .hasSize(TransactionBatches.BATCH + 8)
                .startsWith(0, 1, 2)
                .endsWith(TransactionBatches.BATCH + 6, 1000);

        String rolledBack = "rollback-" + System.nanoTime();
        assertThatThrownBy(() -> inTransaction(() -> {
                    batches.add(INSERT, rolledBack, 1);
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");
        assertThat(count(rolledBack)).isZero();
    }

    @Test
    void aWaitingRowChangedIsWrittenAsChangedAndLateRowsAtOnce() {
        String tag = "changed-" + System.nanoTime();
        String late = "late-" + System.nanoTime();
        inTransaction(() -> {
            Object[] row = batches.add(INSERT, tag, 1);
            assertThat(batches.waiting(INSERT, row)).isTrue();
            row[1] = 2;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCompletion() {
                    // After every beforeCommit: the batches have gone out, so this row is written at once.
                    batches.add(INSERT, late, 3);
                }
            });
        });
        assertThat(jdbc.queryForList("select n from batch_probe where tag = ?", Integer.class, tag))
                .containsExactly(2);
        assertThat(count(late)).isEqualTo(1);

        String alone = "alone-" + System.nanoTime();
        assertThat(batches.waiting(INSERT, batches.add(INSERT, alone, 4))).isFalse();
        assertThat(count(alone)).isEqualTo(1);
    }

    @Test
    void aFirstRowAddedWhileTheTransactionCommitsIsWritten() {
        String tag = "committing-" + System.nanoTime();
        inTransaction(() -> TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                // Nothing was added before: a process start at the commit adds the transaction's first row.
                batches.add(INSERT, tag, 1);
            }
        }));
        assertThat(count(tag)).isEqualTo(1);
    }

    @Test
    void aKeyedStatementsOwnerGetsTheKeysBeforeTheCommitAndTheCountAfter() {
        String tag = "keyed-" + System.nanoTime();
        List<List<Long>> handed = new ArrayList<>();
        List<Long> committed = new ArrayList<>();
        List<Object[]> rowsHanded = new ArrayList<>();
        TransactionBatches.Keyed keyed = new TransactionBatches.Keyed(
                INSERT,
                (keys, rows) -> {
                    // Handed over inside the transaction, every row written.
                    assertThat(TransactionSynchronizationManager.isActualTransactionActive())
                            .isTrue();
                    assertThat(count(tag))
                            .isEqualTo(keys.size()
                                    + handed.stream().mapToInt(List::size).sum());
                    handed.add(keys);
                    rowsHanded.addAll(rows);
                },
                committed::add);
        inTransaction(() -> {
            for (int i = 0; i < TransactionBatches.BATCH + 3; i++) {
                batches.add(keyed, tag, i);
            }
            assertThat(handed).isEmpty();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCompletion() {
                    batches.add(keyed, tag, 9999);
                }
            });
        });
        List<Long> ids = jdbc.queryForList("select id from batch_probe where tag = ? order by id", Long.class, tag);
        assertThat(handed).hasSize(2);
        assertThat(handed.get(0)).containsExactlyElementsOf(ids.subList(0, TransactionBatches.BATCH + 3));
        assertThat(handed.get(1)).containsExactly(ids.get(ids.size() - 1));
        assertThat(committed).containsExactly((long) TransactionBatches.BATCH + 4);
        assertThat(rowsHanded).hasSize(TransactionBatches.BATCH + 4);
        assertThat(rowsHanded.get(7)).containsExactly(tag, 7);
        assertThat(rowsHanded.get(TransactionBatches.BATCH + 3)).containsExactly(tag, 9999);

        String rolledBack = "keyed-rollback-" + System.nanoTime();
        TransactionBatches.Keyed failing = new TransactionBatches.Keyed(
                INSERT,
                (keys, rows) -> {
                    throw new IllegalStateException("refused");
                },
                committed::add);
        assertThatThrownBy(() -> inTransaction(() -> batches.add(failing, rolledBack, 1)))
                .hasMessage("refused");
        assertThat(count(rolledBack)).isZero();
        assertThat(committed).hasSize(1);
    }

    @Test
    void anInnerTransactionOfItsOwnKeepsItsOwnRows() {
        String outer = "outer-" + System.nanoTime();
        String inner = "inner-" + System.nanoTime();
        TransactionTemplate requiresNew = new TransactionTemplate(transactions);
        requiresNew.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        assertThatThrownBy(() -> inTransaction(() -> {
                    batches.add(INSERT, outer, 1);
                    requiresNew.executeWithoutResult(status -> batches.add(INSERT, inner, 2));
                    assertThat(count(inner)).isEqualTo(1);
                    assertThat(batches.waiting(INSERT, batches.add(INSERT, outer, 3)))
                            .isTrue();
                    throw new IllegalStateException("outer rolled back");
                }))
                .hasMessage("outer rolled back");
        assertThat(count(inner)).isEqualTo(1);
        assertThat(count(outer)).isZero();
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private long count(String tag) {
        Long n = jdbc.queryForObject("select count(*) from batch_probe where tag = ?", Long.class, tag);
        return n == null ? 0 : n;
    }
}
