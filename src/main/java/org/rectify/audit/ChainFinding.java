package org.rectify.audit;

/**
 * Something wrong with the audit chain: its kind, where (the seal's sequence number and the record's id, where
 * there are), and what was found, in words.
 */
public record ChainFinding(Kind kind, Long seq, Long recordId, String detail) {

    public enum Kind {
        /** A record's content is not what was sealed. */
        EDITED,
        /** A record, or a seal, is gone. */
        DELETED,
        /** A record that did not come through the trail: it has no seal, or its seal was slipped into the chain. */
        INSERTED,
        /** A record or a seal is at another place in the chain than where it was sealed. */
        REORDERED,
        /** The chain ends before a head published earlier, or before its own head row. */
        TRUNCATED,
        /** The chain holds together but differs from a head published earlier: rewritten and sealed again. */
        REWRITTEN,
        /** A seal's own values do not hold together. */
        SEAL_ALTERED,
        /** An evidence file differs from the SHA-256 sealed when it was added. */
        EVIDENCE_REPLACED,
        /** An evidence file (or its item) sealed as added is gone. */
        EVIDENCE_MISSING,
        /** A file of an export is not the one its manifest names, or not there. */
        FILE_ALTERED
    }
}
