package dev.nomos.learn;

import java.util.Objects;

/** A law of the current model, as a proposer sees it: its name, its source text and its fitted weight. */
public record CurrentLaw(String name, String source, double weight) {
  public CurrentLaw {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
  }
}
