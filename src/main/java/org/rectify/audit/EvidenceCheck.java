package org.rectify.audit;

import java.util.Optional;

/**
 * What the verifier asks of the evidence store (implemented by the module that keeps evidence): the SHA-256 of
 * the bytes an evidence item would be served from now, recomputed from the file.
 */
public interface EvidenceCheck {

    /** Empty when the evidence item or its file is gone. */
    Optional<String> currentHash(long evidenceId);
}
