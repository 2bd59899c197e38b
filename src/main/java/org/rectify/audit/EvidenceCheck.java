package org.rectify.audit;

import java.util.Optional;

/**
 * What the verifier asks of the evidence store (implemented by the module that keeps evidence): the SHA-256 of
 * the bytes an evidence item would be served from now, recomputed from the file.
 */
public interface EvidenceCheck {

    /** Empty when the evidence item or its file is gone. */
    Optional<String> currentHash(long evidenceId);

    /** The file an evidence item is served from now, and the name it was uploaded under; empty when gone. */
    Optional<EvidenceFile> currentFile(long evidenceId);

    record EvidenceFile(String name, java.nio.file.Path path) {}
}
