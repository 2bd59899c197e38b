package org.rectify.task;

/**
 * A checked file whose bytes are stored under their SHA-256; with, for a photo, the original it was shrunk from
 * (the file itself when it was sent as it was) and its EXIF facts.
 */
record StoredFile(
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        String originalSha256,
        Long originalSize,
        PhotoFacts photo) {}
