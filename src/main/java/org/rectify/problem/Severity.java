package org.rectify.problem;

/** 问题严重程度. */
public enum Severity {
    GENERAL,
    SERIOUS,
    MAJOR
}
