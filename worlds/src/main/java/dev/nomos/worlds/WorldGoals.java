package dev.nomos.worlds;

import java.util.Map;
import java.util.Optional;

/**
 * The goal each built-in world is played towards by {@code nomos play} when no {@code --goal} is
 * given: a condition in the law language over one frame, written with the names of the world's own
 * declaration (docs/worlds.md). Worlds whose aim is a score rather than a state have none.
 */
public final class WorldGoals {
  private static final Map<String, String> GOALS = Map.of(
      "sokoban", "not exists b: Box where not exists g: Goal where g.x == b.x and g.y == b.y",
      "keydoor", "not exists a: Agent where not exists g: Goal where g.x == a.x and g.y == a.y",
      "platformer", "not exists c: Coin",
      "breakout", "not exists b: Block",
      "pong", "exists b: Ball where exists z: Zone where z.x < 80 and touching(b, z)",
      "crossing", "exists p: Player where p.y == 0",
      "invaders", "not exists i: Invader");

  private WorldGoals() {}

  /** The default goal of a built-in world, if it has one. */
  public static Optional<String> of(String world) {
    return Optional.ofNullable(GOALS.get(world));
  }
}
