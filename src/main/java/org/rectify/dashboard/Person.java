package org.rectify.dashboard;

/** A responsible person of a ledger row. */
public record Person(Long id, String displayName) {}
