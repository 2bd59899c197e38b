package org.rectify.task;

/** A checked file whose bytes are stored under their SHA-256. */
record StoredFile(String fileName, String contentType, long sizeBytes, String sha256) {
}
