package org.rectify.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an audit record for every {@link AuditableEvent}, synchronously, in the transaction of the
 * change: the change and its record commit or roll back together.
 */
@Service
public class AuditTrail {

    static final int MAX_VALUE_LENGTH = 300;
    static final int MAX_STATE_LENGTH = 4000;

    private final AuditRecordRepository records;
    private final AuditActorSource actors;
    private final ObjectMapper json;
    private final Clock clock;

    AuditTrail(AuditRecordRepository records, AuditActorSource actors, ObjectMapper json, Clock clock) {
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
        records.save(new AuditRecord(clock.instant(), actor, entry, summary(entry.before()), summary(entry.after()),
                clip(entry.reason(), 2000)));
    }

    @Transactional(readOnly = true)
    public List<AuditRecordView> forProblem(Long problemId) {
        return records.findByProblemIdOrderById(problemId).stream().map(AuditRecord::view).toList();
    }

    @Transactional(readOnly = true)
    public List<AuditRecordView> forTarget(String targetType, Long targetId) {
        return records.findByTargetTypeAndTargetIdOrderById(targetType, targetId).stream()
                .map(AuditRecord::view).toList();
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

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
