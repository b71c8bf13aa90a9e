package dev.nomos.worlds;

/** Chooses the action to take in a world's current state. Implementations carry their own seeded randomness. */
public interface Policy {

  /** The action for the current state of {@code world}, or null to stop recording. */
  String act(World world);
}
