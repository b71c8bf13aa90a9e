package dev.nomos.learn;

import dev.nomos.runtime.Frame;
import java.util.Objects;

/**
 * One observed step: frame t (with its history and the action taken at t) and frame t+1.
 * {@code index} is the transition's position in its dataset, so reports can point back at it.
 */
public record Transition(int index, Frame before, Frame after) {
  public Transition {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }
}
