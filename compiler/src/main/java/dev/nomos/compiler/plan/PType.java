package dev.nomos.compiler.plan;

/** The runtime kinds of plan expressions. BOOL values are 0 or 1 when held as ints. */
public enum PType {
  INT, BOOL, OBJECT
}
