package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.learn.Heading;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reward and end laws mined from data: a runner on a line collects gems (worth their value) and
 * stops at a flag, which ends the episode; a wall on the left costs a point when touched.
 */
class OutcomeMinerTest {
  static final String SOURCE = """
      world Line {
        screen 40 x 4
        velocity -1..1
        contact_gap 0
        actions LEFT, RIGHT
        entity Runner
        entity Gem { value: int 0..9 }
        entity Flag
        entity Wall
      }
      """;
  static final WorldSchema SCHEMA = new WorldSchema("Line", 40, 4, -1, 1, List.of("LEFT", "RIGHT"), List.of(
      new EntityType("Runner", 0, List.of()), new EntityType("Gem", 1, List.of(AttributeSpec.ofInt("value", 0, 9))),
      new EntityType("Flag", 2, List.of()), new EntityType("Wall", 3, List.of())), 0);

  /** The runner walks right from x 1 to the flag at x 12; gems at x 4 (worth 3) and 8 (worth 5). */
  static Episode episode(int number) {
    List<Frame> frames = new ArrayList<>();
    Frame prev = null;
    for (int x = 1; x <= 11; x++) {
      Frame.Builder b = Frame.builder(SCHEMA).previous(prev).action(1).add(1, 0, x, 0, 1, 1);
      if (x <= 3) {
        b.add(2, 1, 4, 0, 1, 1, 3);
      }
      if (x <= 7) {
        b.add(3, 1, 8, 0, 1, 1, 5);
      }
      b.add(4, 2, 12, 0, 1, 1).add(5, 3, 0, 0, 1, 1);
      // Touching a gem at t earns its value; touching the flag at t ends the episode at t+1.
      double reward = x == 3 ? 3 : x == 7 ? 5 : x == 1 ? -1 : 0;
      b.reward(reward);
      Frame f = b.build();
      frames.add(f);
      prev = f;
    }
    Frame end = Frame.builder(SCHEMA).previous(prev).add(1, 0, 12, 0, 1, 1).add(4, 2, 12, 0, 1, 1)
        .add(5, 3, 0, 0, 1, 1).terminated(true).build();
    frames.add(end);
    return new Episode(null, number, frames, new int[frames.size()]);
  }

  @Test
  void contactsThatGoWithARewardOrTheEndBecomeLawsThatCheck() {
    List<String> laws = OutcomeMiner.mine(SCHEMA, List.of(episode(0), episode(1), episode(2)));
    String all = String.join("\n", laws);
    assertTrue(all.contains("on contact(a: Runner, b: Gem") && all.contains("reward := b.value"), all);
    assertTrue(all.contains("on contact(a: Runner, b: Wall") && all.contains("reward := -1"), all);
    assertTrue(all.contains("on contact(a: Runner, b: Flag") && all.contains("end := true"), all);
    assertTrue(laws.contains("law no_reward_otherwise {\n  then reward := 0\n}"), all);
    assertTrue(laws.contains("law episode_goes_on {\n  then end := false\n}"), all);
    Compilation c = NomosCompiler.checkCandidates(SCHEMA, all, "mined.law");
    assertFalse(c.hasErrors(), c.errors().toString() + "\n" + all);
    assertEquals(laws.size(), c.plans().size());
  }

  @Test
  void dataWithoutRewardsOrEndsGivesNothing() {
    List<Frame> frames = new ArrayList<>();
    Frame prev = null;
    for (int x = 1; x <= 5; x++) {
      Frame f = Frame.builder(SCHEMA).previous(prev).action(1).add(1, 0, x, 0, 1, 1).add(5, 3, 0, 0, 1, 1).build();
      frames.add(f);
      prev = f;
    }
    assertEquals(List.of(), OutcomeMiner.mine(SCHEMA, List.of(new Episode(null, 0, frames, new int[frames.size()]))));
  }

  /**
   * The episode ends at the flag, but the runner never touches it: it stops one cell short and the
   * game ends. No context goes with the end, so no end law is proposed, not even "it goes on".
   */
  @Test
  void anOutcomeNoContextExplainsGetsNoDefaultLaw() {
    List<Frame> frames = new ArrayList<>();
    Frame prev = null;
    for (int x = 1; x <= 6; x++) {
      Frame f = Frame.builder(SCHEMA).previous(prev).action(1).add(1, 0, x, 0, 1, 1).add(4, 2, 20, 0, 1, 1)
          .terminated(x == 6).build();
      frames.add(f);
      prev = f;
    }
    List<Episode> episodes = List.of(new Episode(null, 0, frames, new int[frames.size()]),
        new Episode(null, 1, frames, new int[frames.size()]));
    List<String> laws = OutcomeMiner.mine(SCHEMA, episodes);
    assertTrue(laws.stream().noneMatch(l -> l.contains("end :=")), String.join("\n", laws));
  }

  /**
   * A turtle on a 3x3 board ends the episode by walking onto the exit it faces; it also passes the
   * exit facing other ways, and touches it on every side, so only "the exit in front" goes with the
   * end.
   */
  @Test
  void anEndWhereAnObjectFacesAnotherIsStatedWithTheHeading() {
    WorldSchema board = new WorldSchema("Board", 5, 5, -1, 1, List.of("FORWARD", "TURN"), List.of(
        new EntityType("Turtle", 0, List.of(AttributeSpec.ofInt("dir", 0, 3))), new EntityType("Exit", 1, List.of())), 0);
    // dir 0 faces right, 1 down, 2 left, 3 up; the exit sits at (2, 2).
    int[][][] walks = {
        {{0, 2, 0, 1}, {1, 2, 1, 1}, {1, 2, 3, 0}},
        {{2, 0, 1, 1}, {2, 0, 0, 0}, {3, 0, 0, 1}, {3, 1, 1, 1}, {3, 1, 2, 0}},
        {{4, 2, 1, 1}, {4, 2, 2, 0}, {4, 2, 0, 1}, {4, 3, 0, 0}, {3, 2, 2, 0}},
        {{2, 4, 3, 1}, {2, 4, 2, 0}, {1, 4, 3, 0}, {1, 3, 0, 1}, {1, 3, 3, 0}, {1, 2, 0, 0}},
    };
    List<Episode> episodes = new ArrayList<>();
    for (int[][] walk : walks) {
      List<Frame> frames = new ArrayList<>();
      Frame prev = null;
      for (int[] s : walk) {
        Frame f = Frame.builder(board).previous(prev).action(s[3]).add(1, 0, s[0], s[1], 1, 1, s[2])
            .add(2, 1, 2, 2, 1, 1).build();
        frames.add(f);
        prev = f;
      }
      frames.add(Frame.builder(board).previous(prev).add(1, 0, 2, 2, 1, 1, walk[walk.length - 1][2])
          .add(2, 1, 2, 2, 1, 1).terminated(true).build());
      episodes.add(new Episode(null, episodes.size(), frames, new int[frames.size()]));
    }
    Heading heading = new Heading("Turtle", "dir", new java.util.TreeMap<>(java.util.Map.of(0, 3, 1, 1, 2, 2, 3, 0)),
        java.util.Map.of(0, "0", 1, "1", 2, "2", 3, "3"), 1);
    String all = String.join("\n", OutcomeMiner.mine(board, episodes, List.of(heading)));
    assertTrue(all.contains("law ends_on_turtle_exit_in_front_after_forward {\n  on contact(a: Turtle, b: Exit)\n"
        + "  when ((a.dir == 0 and side(a, b) == RIGHT) or (a.dir == 1 and side(a, b) == BOTTOM) or (a.dir == 2 and "
        + "side(a, b) == LEFT) or (a.dir == 3 and side(a, b) == TOP)) and action == FORWARD\n  then end := true"), all);
    Compilation c = NomosCompiler.checkCandidates(board, all, "mined.law");
    assertFalse(c.hasErrors(), c.errors().toString() + "\n" + all);
  }
}
