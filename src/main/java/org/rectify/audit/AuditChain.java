package org.rectify.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends audit records to the hash chain (see {@link AuditForm}) in two steps, as a ledger keeps one. The
 * transaction that writes a record writes the digest of what it wrote with it ({@code audit_record.digest},
 * in the same statement) and takes no lock; when it has committed, its node's <em>linker</em> appends its
 * records to the chain ({@code audit_seal}) under a lock on the chain's head row, in batches, a transaction
 * each: the seals of all nodes form one chain, and the head is held for a few statements per batch, not across
 * every writer's commit.
 * <p>
 * A record committed and not linked yet is <em>queued</em>: the verifier checks it against the digest it was
 * written with. The linker thread is woken as a writer commits (it lingers {@code rectify.audit.link-linger} so
 * that the next commits join its batch). What a node left queued when it stopped is found by a sweep of the
 * records without a seal: of all of them when a node starts, and every {@code rectify.audit.link-every} of those
 * written since the last sweep and older than that; the verifier sweeps too, and the exports and the head's
 * publication link what their node has queued before they read the head. Linking skips a record already sealed,
 * so that a record found by two nodes is sealed once.
 */
@Component
public class AuditChain {

    static final String INSERT_SEAL =
            "insert into audit_seal (seq, record_id, digest, prev_hash, hash) values (?, ?, ?, ?, ?)";
    private static final int CHUNK = 1000;
    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    /** Each link batch in a transaction of its own, also when called inside another one (the exports). */
    private final TransactionTemplate own;

    private final Timer lockWait;
    private final Timer lockHeld;
    private final Clock clock;
    private final Duration every;
    private final Duration linger;
    /** This node's committed records not linked yet: id and digest. */
    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();

    private final AtomicInteger queued = new AtomicInteger();
    private final Semaphore wake = new Semaphore(0);
    /** Every record up to this id was linked or seen by this node's sweeps (or is left to its node). */
    private volatile long sweptTo = -1;

    private volatile Thread linker;
    private volatile boolean stopping;
    /** Off only in the benchmark that measures what the chain costs (records then stay unsealed). */
    private volatile boolean sealing = true;
    /** Off only in tests that look at records still queued: the linker thread then leaves them. */
    private volatile boolean linking = true;

    AuditChain(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            MeterRegistry registry,
            Clock clock,
            @Value("${rectify.audit.link-every:PT1M}") Duration every,
            @Value("${rectify.audit.link-linger:PT0.1S}") Duration linger) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.own = new TransactionTemplate(transactions.getTransactionManager());
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.every = every;
        this.linger = linger;
        this.lockWait = Timer.builder("rectify.audit.chain.lock")
                .description("Time a linker waited for the audit chain's head before linking a batch")
                .register(registry);
        this.lockHeld = Timer.builder("rectify.audit.chain.held")
                .description("Time a linker held the audit chain's head: from locking it to its commit")
                .register(registry);
        Gauge.builder("rectify.audit.chain.queued", queued, AtomicInteger::get)
                .description("Audit records this node committed and has not linked into the chain yet")
                .register(registry);
    }

    /** The chain's last seal (seq 0 and the genesis hash before the first). */
    record Head(long seq, String hash) {}

    private record Queued(long id, String digest) {}

    /**
     * The digest to write with this record (its id is not part of it), or none while sealing is off (the
     * benchmark's rounds without the chain).
     */
    String digestToWrite(AuditForm.Stored record) {
        return sealing ? AuditForm.digest(record) : null;
    }

    /**
     * Queues these records, read back as stored, for the chain once the current transaction (or one of its
     * own) commits. For loaders that write records in their own SQL without a digest (the test and benchmark
     * generators), which must call it for them, or the verifier reports them as slipped in.
     */
    @Transactional
    public void append(List<Long> ids) {
        if (ids.isEmpty() || !sealing) {
            return;
        }
        List<Long> sorted = new ArrayList<>(ids);
        Collections.sort(sorted);
        List<Long> read = new ArrayList<>(sorted.size());
        List<String> digests = new ArrayList<>(sorted.size());
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + CHUNK));
            for (AuditForm.Stored r : read(chunk)) {
                read.add(r.id());
                digests.add(AuditForm.digest(r));
            }
        }
        if (read.size() != sorted.size()) {
            throw new IllegalStateException(
                    "audit records to seal not found: " + sorted.size() + " asked, " + read.size() + " read");
        }
        seal(read, digests);
    }

    /**
     * Queues these records, just written in the current transaction with these digests, for the chain: this
     * node's linker links them when the transaction has committed.
     */
    public void seal(List<Long> ids, List<String> digests) {
        if (ids.isEmpty() || !sealing) {
            return;
        }
        List<Queued> records = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            records.add(new Queued(ids.get(i), digests.get(i)));
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    enqueue(records);
                }
            });
        } else {
            enqueue(records);
        }
    }

    private void enqueue(List<Queued> records) {
        queue.addAll(records);
        queued.addAndGet(records.size());
        wake.release();
    }

    /**
     * Links the records this node has queued, a batch of up to 1,000 per transaction of its own: every record
     * this node committed before the call is linked when it returns (those committed since wait for the next
     * call, so that under load the linker's batches grow rather than it linking a few records at a time). The
     * number linked.
     */
    public long linkPending() {
        int waiting = queued.get();
        long linked = 0;
        while (waiting > 0) {
            List<Queued> batch = new ArrayList<>(Math.min(waiting, CHUNK));
            while (batch.size() < CHUNK && waiting > 0) {
                Queued q = queue.poll();
                if (q == null) {
                    break;
                }
                queued.decrementAndGet();
                waiting--;
                batch.add(q);
            }
            if (batch.isEmpty()) {
                break;
            }
            try {
                linked += link(batch);
            } catch (RuntimeException e) {
                // Queued again, for the next try.
                queue.addAll(batch);
                queued.addAndGet(batch.size());
                throw e;
            }
        }
        return linked;
    }

    /**
     * Links what this node has queued, then the committed records of any node that have no seal yet and are
     * older than {@code minAge} (none younger: their node links them), from those written since this node's
     * last sweep ({@code all}: from the first). The number linked.
     */
    public long sweep(boolean all, Duration minAge) {
        long linked = linkPending();
        long from = all || sweptTo < 0 ? 0 : sweptTo;
        LocalDateTime cutoff = LocalDateTime.ofInstant(clock.instant().minus(minAge), ZoneOffset.UTC);
        Long max = jdbc.queryForObject("select max(id) from audit_record", Long.class);
        long sweptUpTo = max == null ? 0 : max;
        while (true) {
            List<Object[]> found = jdbc.query(
                    "select r.id, r.digest, r.occurred_at from audit_record r where r.id > ?"
                            + " and r.digest is not null and not exists (select 1 from audit_seal s where s.record_id = r.id)"
                            + " order by r.id limit " + CHUNK,
                    (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDateTime.class)},
                    from);
            List<Queued> old = new ArrayList<>(found.size());
            for (Object[] f : found) {
                long id = (Long) f[0];
                if (((LocalDateTime) f[2]).isBefore(cutoff) || minAge.isZero()) {
                    old.add(new Queued(id, (String) f[1]));
                } else {
                    sweptUpTo = Math.min(sweptUpTo, id - 1);
                }
                from = id;
            }
            if (!old.isEmpty()) {
                linked += link(old);
            }
            if (found.size() < CHUNK) {
                break;
            }
        }
        if (sweptUpTo > sweptTo) {
            sweptTo = sweptUpTo;
        }
        return linked;
    }

    /** Drops what this node has queued, as a crash just after the commits would: for the tests of the sweeps. */
    void forget() {
        queued.addAndGet(-queue.size());
        queue.clear();
    }

    /** Records this node has queued and not linked yet. */
    int queued() {
        return queued.get();
    }

    /**
     * Turns sealing off or on again, for AuditChainBenchmark's figures with and without the chain alone: the
     * records written while it is off have no digest and are never queued, and the verifier reports them as
     * slipped in until they are appended.
     */
    void sealing(boolean on) {
        this.sealing = on;
    }

    /**
     * Lets this node's linker thread link, or keeps it from it, for tests that look at records still queued
     * ({@link #linkPending} and {@link #sweep} still link when called). Call {@link #linkPending} after turning
     * it off to wait for a batch the thread may be linking.
     */
    void linking(boolean on) {
        this.linking = on;
        if (on) {
            wake.release();
        }
    }

    /** Starts this node's linker: it sweeps once, then links what commits, and sweeps now and then. */
    @EventListener(ApplicationReadyEvent.class)
    void startLinker() {
        if (linker != null) {
            return;
        }
        Thread t = new Thread(this::runLinker, "audit-chain-linker");
        t.setDaemon(true);
        linker = t;
        t.start();
    }

    private void runLinker() {
        long nextSweep = 0;
        boolean first = true;
        Duration backOff = Duration.ZERO;
        while (!stopping) {
            try {
                long now = System.nanoTime();
                long waitMs = first ? 0 : Math.max(0, (nextSweep - now) / 1_000_000) + backOff.toMillis();
                if (wake.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
                    Thread.sleep(linger.toMillis());
                }
                if (stopping) {
                    return;
                }
                wake.drainPermits();
                if (!linking) {
                    continue;
                }
                if (System.nanoTime() - nextSweep >= 0) {
                    long swept = sweep(first, first ? Duration.ZERO : every);
                    if (swept > 0 && first) {
                        log.info("Audit chain: {} records left queued when a node stopped are linked", swept);
                    }
                    first = false;
                    nextSweep = System.nanoTime() + every.toNanos();
                } else {
                    linkPending();
                }
                backOff = Duration.ZERO;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backOff = backOff.isZero()
                        ? Duration.ofSeconds(1)
                        : backOff.multipliedBy(2).compareTo(every) > 0 ? every : backOff.multipliedBy(2);
                log.warn("Audit chain: linking failed, trying again in {}", backOff, e);
            }
        }
    }

    /** Links what this node has queued and stops its linker; what it cannot link now, the next sweep finds. */
    @PreDestroy
    void stopLinker() throws InterruptedException {
        Thread t = linker;
        stopping = true;
        if (t != null) {
            wake.release();
            t.join(10_000);
        }
        try {
            linkPending();
        } catch (RuntimeException e) {
            log.warn("Audit chain: {} queued records left for the next node's sweep", queued.get(), e);
        }
    }

    /** Locks the head until the transaction ends, and reads it. */
    private Head lock() {
        long start = System.nanoTime();
        Head head = jdbc.queryForObject(
                "select seq, hash from audit_chain_head where id = 1 for update",
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
        return jdbc.query(
                "select " + AuditForm.COLUMNS + " from audit_record where id in (" + marks + ") order by id",
                (rs, n) -> AuditForm.read(rs),
                ids.toArray());
    }

    /**
     * Links these committed records in a transaction of its own, under the head's lock, but those sealed
     * already (found by another node's sweep, or by this one's twice); the number linked. The records are
     * first linked as they are; only when one turns out to be sealed already are the sealed ones looked up.
     */
    private int link(List<Queued> records) {
        try {
            return link(records, false);
        } catch (DuplicateKeyException e) {
            return link(records, true);
        }
    }

    private int link(List<Queued> records, boolean skipSealed) {
        Integer done = own.execute(status -> {
            Head head = lock();
            Set<Long> sealed = new HashSet<>();
            if (skipSealed) {
                String marks = String.join(",", Collections.nCopies(records.size(), "?"));
                sealed.addAll(jdbc.queryForList(
                        "select record_id from audit_seal where record_id in (" + marks + ")",
                        Long.class,
                        records.stream().map(Queued::id).toArray()));
            }
            List<Queued> sorted = records.stream()
                    .filter(r -> !sealed.contains(r.id()))
                    .sorted(Comparator.comparingLong(Queued::id))
                    .toList();
            if (sorted.isEmpty()) {
                return 0;
            }
            Head next = link(
                    head,
                    sorted.stream().mapToLong(Queued::id).toArray(),
                    sorted.stream().map(Queued::digest).toArray(String[]::new));
            jdbc.update("update audit_chain_head set seq = ?, hash = ? where id = 1", next.seq(), next.hash());
            return sorted.size();
        });
        return done == null ? 0 : done;
    }

    /** Writes the seals of these records (with these digests) after the head; the new head. */
    private Head link(Head head, long[] ids, String[] digests) {
        List<Object[]> seals = new ArrayList<>(ids.length);
        long seq = head.seq();
        String prev = head.hash();
        for (int i = 0; i < digests.length; i++) {
            seq++;
            String hash = AuditForm.link(prev, seq, ids[i], digests[i]);
            seals.add(new Object[] {seq, ids[i], digests[i], prev, hash});
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
                long[] range = jdbc.queryForObject(
                        "select backfill_from, backfill_to from audit_chain_head where id = 1",
                        (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
                if (range[0] > range[1]) {
                    return -1;
                }
                long to = Math.min(range[1], range[0] + 10 * CHUNK - 1);
                List<AuditForm.Stored> records = jdbc.query(
                        "select " + AuditForm.COLUMNS + " from audit_record where id between ? and ? order by id",
                        (rs, n) -> AuditForm.read(rs),
                        range[0],
                        to);
                Head next = records.isEmpty()
                        ? head
                        : link(
                                head,
                                records.stream().mapToLong(AuditForm.Stored::id).toArray(),
                                records.stream().map(AuditForm::digest).toArray(String[]::new));
                jdbc.update(
                        "update audit_chain_head set seq = ?, hash = ?, backfill_from = ? where id = 1",
                        next.seq(),
                        next.hash(),
                        to + 1);
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
