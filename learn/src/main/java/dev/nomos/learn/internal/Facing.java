package dev.nomos.learn.internal;

/** How a context speaks of a heading: not at all, of a contact in front, or of nothing in front. */
enum Facing { NONE, IN_FRONT, FRONT_FREE }
