package dev.nomos.learn;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A ball bouncing in a walled box, simulated here so the learner tests need no recorded files. */
final class BouncingBall {
  static final String SOURCE = """
      world Box {
        screen 20 x 20
        velocity -2..2
        contact_gap 0
        actions NOOP
        entity Ball
        entity Wall
      }
      """;
  static final WorldSchema SCHEMA = new WorldSchema("Box", 20, 20, -2, 2, List.of("NOOP"),
      List.of(new EntityType("Ball", 0, List.of()), new EntityType("Wall", 1, List.of())), 0);

  private BouncingBall() {}

  static Episode episode(int number, int x0, int y0, int vx0, int vy0, int steps) {
    List<Frame> frames = new ArrayList<>();
    int x = x0, y = y0, vx = vx0, vy = vy0;
    Frame previous = null;
    for (int t = 0; t <= steps; t++) {
      Frame f = Frame.builder(SCHEMA).add(1, 0, x, y, 1, 1)
          .add(2, 1, 0, 0, 20, 1).add(3, 1, 0, 19, 20, 1).add(4, 1, 0, 1, 1, 18).add(5, 1, 19, 1, 1, 18)
          .action(0).previous(previous).build();
      frames.add(f);
      previous = f;
      if (x + vx < 1 || x + vx > 18) {
        vx = -vx;
      }
      if (y + vy < 1 || y + vy > 18) {
        vy = -vy;
      }
      x += vx;
      y += vy;
    }
    int[] lines = new int[frames.size()];
    for (int k = 0; k < lines.length; k++) {
      lines[k] = k + 1;
    }
    return new Episode(Path.of("box-" + number + ".jsonl"), number, frames, lines);
  }
}
