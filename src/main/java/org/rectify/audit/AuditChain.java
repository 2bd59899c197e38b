package org.rectify.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends audit records to the hash chain (see {@link AuditForm}): in the transaction that wrote them, just
 * before it commits, under a lock on the chain's head row, so that the seals of all nodes form one chain in the
 * order their transactions commit. The lock is held from the first seal to the commit, not for the whole
 * transaction: a ten-minute import holds it for the time it takes to seal its records.
 */
@Component
public class AuditChain {

    static final String INSERT_SEAL = "insert into audit_seal (seq, record_id, digest, prev_hash, hash) values (?, ?, ?, ?, ?)";
    private static final int CHUNK = 1000;
    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Timer lockWait;
    private final Timer lockHeld;
    /** Off only in the benchmark that measures what the chain costs (records then stay unsealed). */
    private volatile boolean sealing = true;

    AuditChain(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.lockWait = Timer.builder("rectify.audit.chain.lock")
                .description("Time a transaction waited for the audit chain's head before sealing its records")
                .register(registry);
        this.lockHeld = Timer.builder("rectify.audit.chain.held")
                .description("Time a transaction held the audit chain's head: from sealing its records to its end")
                .register(registry);
    }

    /** The chain's last seal (seq 0 and the genesis hash before the first). */
    record Head(long seq, String hash) {
    }

    /**
     * Seals these records, in id order, at the chain's end, in the current transaction (or one of its own),
     * reading them back as stored first. For loaders that write records in their own SQL (the test and benchmark
     * generators), which must call it for them, or the verifier reports them as slipped in.
     */
    @Transactional
    public void append(List<Long> ids) {
        if (ids.isEmpty() || !sealing) {
            return;
        }
        List<Long> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        List<AuditForm.Stored> records = new ArrayList<>(sorted.size());
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + CHUNK));
            List<AuditForm.Stored> read = read(chunk);
            if (read.size() != chunk.size()) {
                throw new IllegalStateException("audit records to seal not found: " + chunk.size() + " asked, "
                        + read.size() + " read");
            }
            records.addAll(read);
        }
        seal(records);
    }

    /**
     * Seals these records, just written in the current transaction with exactly these values, in id order at
     * the chain's end. Their digests are computed before the head is locked, so that the head is held for as
     * little as three statements and the commit.
     */
    @Transactional
    public void seal(List<AuditForm.Stored> records) {
        if (records.isEmpty() || !sealing) {
            return;
        }
        List<AuditForm.Stored> sorted = new ArrayList<>(records);
        sorted.sort(java.util.Comparator.comparingLong(AuditForm.Stored::id));
        String[] digests = new String[sorted.size()];
        for (int i = 0; i < digests.length; i++) {
            digests[i] = AuditForm.digest(sorted.get(i));
        }
        Head head = lock();
        head = link(head, sorted, digests);
        jdbc.update("update audit_chain_head set seq = ?, hash = ? where id = 1", head.seq(), head.hash());
    }

    /**
     * Turns sealing off or on again, for AuditChainBenchmark's figures with and without the chain alone: the
     * records written while it is off are never sealed, and the verifier reports them as slipped in.
     */
    void sealing(boolean on) {
        this.sealing = on;
    }

    /** Locks the head until the transaction ends, and reads it. */
    private Head lock() {
        long start = System.nanoTime();
        Head head = jdbc.queryForObject("select seq, hash from audit_chain_head where id = 1 for update",
                (rs, n) -> new Head(rs.getLong(1), rs.getString(2)));
        long locked = System.nanoTime();
        lockWait.record(locked - start, TimeUnit.NANOSECONDS);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    lockHeld.record(System.nanoTime() - locked, TimeUnit.NANOSECONDS);
                }
            });
        }
        return head;
    }

    private List<AuditForm.Stored> read(List<Long> ids) {
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        return jdbc.query("select " + AuditForm.COLUMNS + " from audit_record where id in (" + marks + ") order by id",
                (rs, n) -> AuditForm.read(rs), ids.toArray());
    }

    /** Writes the seals of these records (with these digests) after the head; the new head. */
    private Head link(Head head, List<AuditForm.Stored> records, String[] digests) {
        List<Object[]> seals = new ArrayList<>(records.size());
        long seq = head.seq();
        String prev = head.hash();
        for (int i = 0; i < digests.length; i++) {
            seq++;
            String hash = AuditForm.link(prev, seq, records.get(i).id(), digests[i]);
            seals.add(new Object[]{seq, records.get(i).id(), digests[i], prev, hash});
            prev = hash;
        }
        jdbc.batchUpdate(INSERT_SEAL, seals);
        return new Head(seq, prev);
    }

    /**
     * Seals the records written before the chain existed (db/common/V42), in id order, a chunk per transaction,
     * once, by whichever node gets there first: the head row says how far it got.
     */
    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        long sealed = 0;
        while (true) {
            Integer done = transactions.execute(status -> {
                Head head = lock();
                long[] range = jdbc.queryForObject("select backfill_from, backfill_to from audit_chain_head where id = 1",
                        (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)});
                if (range[0] > range[1]) {
                    return -1;
                }
                long to = Math.min(range[1], range[0] + 10 * CHUNK - 1);
                List<AuditForm.Stored> records = jdbc.query("select " + AuditForm.COLUMNS
                        + " from audit_record where id between ? and ? order by id", (rs, n) -> AuditForm.read(rs),
                        range[0], to);
                Head next = records.isEmpty() ? head
                        : link(head, records, records.stream().map(AuditForm::digest).toArray(String[]::new));
                jdbc.update("update audit_chain_head set seq = ?, hash = ?, backfill_from = ? where id = 1",
                        next.seq(), next.hash(), to + 1);
                return records.size();
            });
            if (done == null || done < 0) {
                break;
            }
            sealed += done;
        }
        if (sealed > 0) {
            log.info("Audit chain: {} records written before the chain existed are sealed", sealed);
        }
    }
}
