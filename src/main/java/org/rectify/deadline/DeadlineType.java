package org.rectify.deadline;

/** 时限类型: how a problem or task is bound in time. */
public enum DeadlineType {
    /** 立行立改: fix now. */
    IMMEDIATE,
    /** 限期整改: by a date. */
    TIME_LIMITED,
    /** 长期坚持: a standing measure with periodic reports, never simply done. */
    LONG_TERM;

    public boolean needsDate() {
        return this != LONG_TERM;
    }
}
