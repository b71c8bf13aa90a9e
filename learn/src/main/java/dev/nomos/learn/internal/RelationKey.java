package dev.nomos.learn.internal;

/** Observations of one target next to a partner object: (offset on the target's axis, next value). */
record RelationKey(DraftBinder binder, Atom guard, String type, String partner, String attr, String axis) {}
