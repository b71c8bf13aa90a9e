package dev.nomos.runtime;

import dev.nomos.runtime.internal.ContactCandidates;

/**
 * Whether contact loops find their pairs by sort and sweep (on by default) or by scanning every pair,
 * for the whole process. Results are the same either way; benchmarks turn it off to measure the
 * engine as it was before the index, side by side with it.
 */
public final class ContactIndex {
  private ContactIndex() {}

  public static void setEnabled(boolean enabled) {
    ContactCandidates.sweep(enabled);
  }
}
