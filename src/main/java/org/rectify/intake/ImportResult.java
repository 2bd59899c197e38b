package org.rectify.intake;

import java.util.List;

/** An import done: the problems it registered, or none when the same file had been imported before. */
public record ImportResult(ImportView upload, boolean alreadyImported, List<Long> problemIds) {}
