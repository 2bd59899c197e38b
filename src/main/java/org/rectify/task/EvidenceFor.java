package org.rectify.task;

/** What an evidence file was handed in with: a progress report, a sign-off application or an extension request. */
public record EvidenceFor(Long progressReportId, Long signOffId, Long extensionId) {

    public static EvidenceFor progressReport(Long id) {
        return new EvidenceFor(id, null, null);
    }

    public static EvidenceFor signOff(Long id) {
        return new EvidenceFor(null, id, null);
    }

    public static EvidenceFor extension(Long id) {
        return new EvidenceFor(null, null, id);
    }
}
