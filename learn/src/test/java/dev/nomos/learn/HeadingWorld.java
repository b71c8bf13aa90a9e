package dev.nomos.learn;

import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A grid world for heading tests: an agent with a direction (0 right, 1 down, 2 left, 3 up) that
 * FORWARD moves one cell that way, and a lamp that TOGGLE switches when the agent faces it.
 */
public final class HeadingWorld {
  public static final WorldSchema SCHEMA = new WorldSchema("Heads", 10, 10, -1, 1,
      List.of("TURN", "FORWARD", "TOGGLE"),
      List.of(new EntityType("Agent", 0, List.of(AttributeSpec.ofInt("dir", 0, 3), AttributeSpec.ofInt("mood", 0, 3))),
          new EntityType("Lamp", 1, List.of(AttributeSpec.ofBool("lit")))),
      0);
  private static final int[] DX = {1, 0, -1, 0};
  private static final int[] DY = {0, 1, 0, -1};

  private HeadingWorld() {}

  /** A frame with the agent at (x, y) facing dir, and the lamp at (lx, ly). */
  public static Frame frame(int x, int y, int dir, int mood, int lx, int ly, boolean on, int action, Frame previous) {
    return Frame.builder(SCHEMA).add(1, 0, x, y, 1, 1, dir, mood).add(2, 1, lx, ly, 1, 1, on ? 1 : 0)
        .action(action).previous(previous).build();
  }

  /**
   * An episode that walks a square: forward three times in each direction, turning in between,
   * with a lamp far away; {@code mood} cycles whatever the agent does.
   */
  public static Episode square() {
    List<Frame> frames = new ArrayList<>();
    int x = 2, y = 2, dir = 0, mood = 0;
    Frame previous = null;
    for (int side = 0; side < 4; side++) {
      for (int step = 0; step < 4; step++) {
        int action = step < 3 ? 1 : 0;
        Frame f = frame(x, y, dir, mood, 9, 9, false, action, previous);
        frames.add(f);
        previous = f;
        mood = (mood + 1) % 4;
        if (action == 1) {
          x += DX[dir];
          y += DY[dir];
        } else {
          dir = (dir + 1) % 4;
        }
      }
    }
    frames.add(frame(x, y, dir, mood, 9, 9, false, 0, previous));
    return new Episode(Path.of("square.jsonl"), 0, frames, new int[frames.size()]);
  }

  /** The agent at (3, 3) facing right lights the lamp just right of it. */
  public static Transition toggleFacingRight() {
    Frame t = frame(3, 3, 0, 0, 4, 3, false, 2, null);
    Frame next = frame(3, 3, 0, 0, 4, 3, true, 0, t);
    return new Transition(0, t, next);
  }
}
