package dev.nomos.learn;

import java.util.List;

/**
 * A proposer's answer: candidate law source texts (each one {@code law ... { ... }} declaration,
 * possibly with holes {@code ?}), what producing them cost, and notes for the report (for example
 * "answer 2 had no nomos block").
 */
public record Proposal(List<String> candidates, Usage usage, List<String> notes) {
  public Proposal {
    candidates = List.copyOf(candidates);
    notes = List.copyOf(notes);
  }

  public static Proposal of(List<String> candidates) {
    return new Proposal(candidates, Usage.NONE, List.of());
  }
}
