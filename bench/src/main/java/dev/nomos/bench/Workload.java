package dev.nomos.bench;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.List;

/**
 * A benchmark workload: one {@code .law} source (world and laws) and a seeded episode generator for
 * its world.
 */
public record Workload(String name, String source, Episodes episodes) {

  /** Makes a seeded episode of {@code steps} frames for the compiled schema. */
  @FunctionalInterface
  public interface Episodes {
    List<Frame> make(WorldSchema schema, int steps, long seed);
  }

  /** A seeded episode of {@code steps} frames for the compiled schema. */
  public List<Frame> frames(WorldSchema schema, int steps, long seed) {
    return episodes.make(schema, steps, seed);
  }
}
