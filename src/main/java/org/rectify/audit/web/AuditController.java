package org.rectify.audit.web;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
import org.rectify.audit.AuditExports;
import org.rectify.audit.AuditQuery;
import org.rectify.audit.AuditRecordView;
import org.rectify.audit.AuditTrail;
import org.rectify.audit.AuditVerification;
import org.rectify.audit.AuditVerifier;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class AuditController {

    private final AuditTrail trail;
    private final AuditVerification verification;
    private final AuditExports exports;

    AuditController(AuditTrail trail, AuditVerification verification, AuditExports exports) {
        this.exports = exports;
        this.trail = trail;
        this.verification = verification;
    }

    /**
     * The whole audit chain walked, with the evidence files and the published heads: clean, or the first bad
     * record and what is wrong with it. For INSPECTOR and ADMIN.
     */
    @GetMapping("/audit/verification")
    AuditVerifier.Report verify() {
        return verification.verify();
    }

    /**
     * The audit trail of one problem, unit or round ({@code scope} problem, unit or round) as a zip an inspector
     * can check offline: the records (JSON lines and CSV), the evidence files they added, a manifest of hashes,
     * the chain head and the proof linking the records to it. 404 outside the caller's region.
     */
    @GetMapping("/audit/exports/{scope}/{id}")
    void export(@PathVariable String scope, @PathVariable long id, HttpServletResponse response) throws IOException {
        exports.prepare(AuditExports.Scope.named(scope), id).send(response);
    }

    /** The region's audit trail, newest first: who did what, when, before and after, and why. */
    @GetMapping("/audit")
    Page<AuditRecordView> search(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String targetType,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @PageableDefault(size = 20) Pageable page) {
        return trail.search(new AuditQuery(action, actor, targetType, from, to), page);
    }
}
