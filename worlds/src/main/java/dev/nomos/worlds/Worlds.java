package dev.nomos.worlds;

import dev.nomos.worlds.internal.BreakoutWorld;
import dev.nomos.worlds.internal.CrossingWorld;
import dev.nomos.worlds.internal.InvadersWorld;
import dev.nomos.worlds.internal.KeyDoorWorld;
import dev.nomos.worlds.internal.PlatformerWorld;
import dev.nomos.worlds.internal.PongWorld;
import dev.nomos.worlds.internal.SokobanWorld;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The built-in worlds by name: {@code pong}, {@code breakout}, {@code sokoban}, {@code platformer},
 * {@code keydoor}, {@code crossing}, {@code invaders}.
 */
public final class Worlds {
  private static final Map<String, Supplier<World>> BUILT_IN = Map.of(
      "pong", PongWorld::new,
      "breakout", BreakoutWorld::new,
      "sokoban", () -> new SokobanWorld(SokobanLevels.builtIn()),
      "platformer", PlatformerWorld::new,
      "keydoor", KeyDoorWorld::new,
      "crossing", CrossingWorld::new,
      "invaders", InvadersWorld::new);

  private Worlds() {}

  /** The registered names, sorted. */
  public static List<String> names() {
    return BUILT_IN.keySet().stream().sorted().toList();
  }

  /**
   * A fresh instance of the named world.
   *
   * @throws IllegalArgumentException for an unknown name (the message lists the known ones)
   */
  public static World create(String name) {
    Supplier<World> factory = BUILT_IN.get(name);
    if (factory == null) {
      throw new IllegalArgumentException("unknown world '" + name + "'; the built-in worlds are " + String.join(", ", names()));
    }
    return factory.get();
  }

  /** A Sokoban world playing the given levels instead of the built-in ones (for example a Boxoban file). */
  public static World sokoban(List<SokobanLevel> levels) {
    return new SokobanWorld(levels);
  }
}
