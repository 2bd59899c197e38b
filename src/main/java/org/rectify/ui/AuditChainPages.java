package org.rectify.ui;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.rectify.audit.AuditExports;
import org.rectify.audit.AuditVerification;
import org.rectify.audit.AuditVerifier;
import org.rectify.inspection.InspectionRounds;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.OrgDirectory;
import org.rectify.org.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inspectors' page of the audit chain: the chain verified on request (the first bad record and what is
 * wrong, or clean up to its head, with the heads published outside the database), and the export of a round's,
 * a unit's or a problem's trail as a zip that can be checked offline.
 */
@Controller
class AuditChainPages {

    private final AuditVerification verification;
    private final AuditExports exports;
    private final InspectionRounds rounds;
    private final OrgDirectory directory;
    private final CurrentActor current;

    AuditChainPages(
            AuditVerification verification,
            AuditExports exports,
            InspectionRounds rounds,
            OrgDirectory directory,
            CurrentActor current) {
        this.verification = verification;
        this.exports = exports;
        this.rounds = rounds;
        this.directory = directory;
        this.current = current;
    }

    @GetMapping("/inspect/chain")
    String chain(@RequestParam(defaultValue = "false") boolean verify, Model model) {
        Actor me = regionReader();
        boolean mayVerify = me.has(Role.INSPECTOR);
        if (verify && mayVerify) {
            model.addAttribute("report", verification.verify());
        }
        List<AuditVerifier.PublishedHead> heads = verification.published();
        model.addAttribute("mayVerify", mayVerify);
        model.addAttribute("published", heads.size());
        model.addAttribute("lastPublished", heads.isEmpty() ? null : heads.get(heads.size() - 1));
        model.addAttribute("rounds", rounds.list());
        model.addAttribute("units", directory.subtree(me.regionPath()));
        return "inspect/chain";
    }

    /** The zip of a round's, a unit's or a problem's trail; 404 outside the caller's region. */
    @GetMapping("/inspect/chain/export")
    void export(@RequestParam String scope, @RequestParam long id, HttpServletResponse response) throws IOException {
        regionReader();
        exports.prepare(AuditExports.Scope.named(scope), id).send(response);
    }

    private Actor regionReader() {
        return InspectorPages.regionReader(current);
    }
}
