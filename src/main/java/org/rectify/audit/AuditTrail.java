package org.rectify.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.rectify.common.NotPermittedException;
import org.rectify.common.TransactionBatches;
import org.rectify.common.Zones;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an audit record for every {@link AuditableEvent}, with its digest, in the transaction of the change
 * (in a batch when it is about to commit, or when a batch is full): the change and its records commit or roll
 * back together, and the records committed are sealed into the hash chain ({@link AuditChain}) just after.
 * Reads them back for the timelines and for the search of the region's whole trail.
 */
@Service
public class AuditTrail {

    static final int MAX_VALUE_LENGTH = 300;
    static final int MAX_STATE_LENGTH = 4000;
    /** Open ends of a date range, within what both databases store. */
    private static final Instant EARLIEST = Instant.parse("1970-01-02T00:00:00Z");

    private static final Instant LATEST = Instant.parse("9999-12-30T00:00:00Z");

    private static final String INSERT = "insert into audit_record (occurred_at, actor, actor_roles, actor_unit_id,"
            + " action, target_type, target_id, problem_id, before_state, after_state, reason, digest)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final AuditRecordRepository records;
    private final TransactionBatches batches;
    /** The records' insert: their ids are sealed into the chain as the last thing before the commit. */
    private final TransactionBatches.Keyed insert;

    private final AuditActorSource actors;
    private final AuditChain chain;
    private final ObjectMapper json;
    private final Clock clock;

    AuditTrail(
            AuditRecordRepository records,
            AuditChain chain,
            TransactionBatches batches,
            AuditActorSource actors,
            ObjectMapper json,
            Clock clock,
            MeterRegistry registry) {
        this.batches = batches;
        Counter written = Counter.builder("rectify.audit.records.written")
                .description("Audit records written (counted when their transaction commits)")
                .register(registry);
        this.insert = new TransactionBatches.Keyed(
                INSERT,
                (ids, rows) ->
                        chain.seal(ids, rows.stream().map(r -> (String) r[11]).toList()),
                written::increment);
        this.chain = chain;
        this.records = records;
        this.actors = actors;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(AuditableEvent event) {
        AuditEntry entry = event.auditEntry();
        AuditActor actor = actors.currentAuditActor().orElse(AuditActor.SYSTEM);
        AuditGuard.audited();
        // In whole seconds, as every database stores it (MySQL's driver is told sendFractionalSeconds=false, as
        // Camunda asks): the seal's digest is computed from these very values, not read back.
        AuditForm.Stored record = new AuditForm.Stored(
                0,
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
                actor.username(),
                actor.roles(),
                actor.unitId(),
                entry.action(),
                entry.targetType(),
                entry.targetId(),
                entry.problemId(),
                summary(entry.before()),
                summary(entry.after()),
                clip(entry.reason(), 2000));
        // The digest of these very values (the id is not part of it), written with them and sealed after the
        // commit (AuditChain).
        batches.add(
                insert,
                record.occurredAt(),
                record.actor(),
                record.roles(),
                record.unitId(),
                record.action(),
                record.targetType(),
                record.targetId(),
                record.problemId(),
                record.before(),
                record.after(),
                record.reason(),
                chain.digestToWrite(record));
    }

    /** Writes this transaction's records kept so far: the caller is about to read the trail. */
    private void writePending() {
        batches.write(INSERT);
    }

    @Transactional(readOnly = true)
    public List<AuditRecordView> forProblem(Long problemId) {
        writePending();
        return records.findByProblemIdOrderById(problemId).stream()
                .map(AuditRecord::view)
                .toList();
    }

    /**
     * The trail of the caller's region, filtered, newest first. Only the roles that see their whole
     * region search it (403 for others); records of another region's problems, units or people are
     * never found.
     */
    @Transactional(readOnly = true)
    public Page<AuditRecordView> search(AuditQuery query, Pageable page) {
        String region = actors.currentReadableRegion()
                .orElseThrow(() -> new NotPermittedException(
                        "rule.audit.regionRolesOnly", "the audit trail is searched by region roles"));
        writePending();
        Instant from = query.from() == null
                ? EARLIEST
                : query.from().atStartOfDay(Zones.CHINA).toInstant();
        Instant until = query.to() == null
                ? LATEST
                : query.to().plusDays(1).atStartOfDay(Zones.CHINA).toInstant();
        return records.search(
                        likePrefix(query.action()),
                        blankToNull(query.actor()),
                        blankToNull(query.targetType()),
                        from,
                        until,
                        region + "%",
                        PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by(Sort.Direction.DESC, "id")))
                .map(AuditRecord::view);
    }

    @Transactional(readOnly = true)
    public List<AuditRecordView> forTarget(String targetType, Long targetId) {
        writePending();
        return records.findByTargetTypeAndTargetIdOrderById(targetType, targetId).stream()
                .map(AuditRecord::view)
                .toList();
    }

    private String summary(Map<String, Object> state) {
        if (state.isEmpty()) {
            return null;
        }
        Map<String, Object> clipped = new LinkedHashMap<>();
        state.forEach((k, v) -> clipped.put(k, v instanceof String s ? clip(s, MAX_VALUE_LENGTH) : v));
        try {
            return clip(json.writeValueAsString(clipped), MAX_STATE_LENGTH);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit summary not serialisable", e);
        }
    }

    /** The text as the beginning of a LIKE pattern, its wildcards escaped with '!'. */
    private static String likePrefix(String text) {
        String plain = blankToNull(text);
        return plain == null
                ? null
                : plain.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
