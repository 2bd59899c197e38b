package org.rectify.audit;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.rectify.common.NotFoundException;
import org.rectify.common.NotPermittedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An inspector's export of the audit trail of one problem, one unit or one round (see {@link AuditExport} for
 * what the zip holds). Preparing checks the scope (403 for the roles that do not read their whole region, 404
 * for what is not in the caller's region or does not exist), links what is queued for the chain, fixes the
 * chain head the export is proved against and leaves the audit record of the export; the zip is then streamed.
 * <p>
 * The trail keeps only ids, so the scope is found in SQL over the tables that know the region: {@code problem},
 * {@code inspection_round}, {@code org_unit} and {@code rectification_task}.
 */
@Service
public class AuditExports {

    /** What an export is of. */
    public enum Scope {
        PROBLEM,
        UNIT,
        ROUND;

        /** The scope named in a URL ({@code problem}, {@code unit}, {@code round}); 404 for anything else. */
        public static Scope named(String name) {
            for (Scope s : values()) {
                if (s.name().equalsIgnoreCase(name)) {
                    return s;
                }
            }
            throw new NotFoundException("audit export scope", name);
        }
    }

    private final JdbcTemplate jdbc;
    private final AuditActorSource actors;
    private final Optional<EvidenceCheck> evidence;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditChain chain;

    AuditExports(
            JdbcTemplate jdbc,
            AuditActorSource actors,
            Optional<EvidenceCheck> evidence,
            ApplicationEventPublisher events,
            Clock clock,
            AuditChain chain) {
        this.chain = chain;
        this.clock = clock;
        this.jdbc = jdbc;
        this.actors = actors;
        this.evidence = evidence;
        this.events = events;
    }

    @Transactional
    public AuditExport prepare(Scope scope, long id) {
        String region = actors.currentReadableRegion()
                .orElseThrow(() -> new NotPermittedException(
                        "rule.audit.regionRolesOnly", "the audit trail is exported by region roles"));
        String like = region + "%";
        String name = switch (scope) {
            case PROBLEM ->
                jdbc
                        .query(
                                "select number from problem where id = ? and region_path like ?",
                                (rs, n) -> rs.getString(1),
                                id,
                                like)
                        .stream()
                        .findFirst()
                        .orElse(null);
            case ROUND ->
                jdbc
                        .query(
                                "select name from inspection_round where id = ? and region_path like ?",
                                (rs, n) -> rs.getString(1),
                                id,
                                like)
                        .stream()
                        .findFirst()
                        .orElse(null);
            case UNIT ->
                jdbc
                        .query(
                                "select name_zh from org_unit where id = ? and path like ?",
                                (rs, n) -> rs.getString(1),
                                id,
                                like)
                        .stream()
                        .findFirst()
                        .orElse(null);
        };
        if (name == null) {
            throw new NotFoundException(scope.name().toLowerCase(Locale.ROOT), id);
        }
        chain.linkPending();
        Map<String, Object> head = jdbc.queryForMap("select seq, hash from audit_chain_head where id = 1");
        AuditExport export = new AuditExport(
                jdbc,
                evidence,
                scope,
                id,
                name,
                like,
                ((Number) head.get("seq")).longValue(),
                (String) head.get("hash"),
                actors.currentAuditActor().map(AuditActor::username).orElse("system"),
                clock.instant());
        events.publishEvent(new AuditExported(AuditEntry.of(
                "AUDIT_EXPORTED",
                scope.name(),
                id,
                scope == Scope.PROBLEM ? id : null,
                null,
                AuditEntry.state("scope", scope.name(), "name", name, "headSeq", export.headSeq()))));
        return export;
    }

    /** The audit record of an export. */
    public record AuditExported(AuditEntry auditEntry) implements AuditableEvent {}
}
