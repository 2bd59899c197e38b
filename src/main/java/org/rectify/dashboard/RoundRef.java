package org.rectify.dashboard;

/** The inspection round of a ledger row. */
public record RoundRef(Long id, String code, String name) {}
