package dev.nomos.runtime.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.LawScope;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The law index runs a law only on frames its scope admits: the calls each law gets, and what the
 * model says, follow from the action and the types present, and equal running every law wherever
 * the laws keep to their scopes.
 */
class LawIndexTest {
  static final int BALL = 0;
  static final int WALL = 1;
  static final WorldSchema WORLD = new WorldSchema("Tiny", 10, 10, -1, 1, List.of("NOOP", "GO", "STOP"), List.of(
      new EntityType("Ball", BALL, List.of()), new EntityType("Wall", WALL, List.of())));

  /** A law that notes every frame it runs on and, within its scope, moves the first ball. */
  static Law scoped(String name, LawScope scope, List<String> calls) {
    return new Law() {
      @Override public String name() { return name; }

      @Override public LawScope scope() { return scope; }

      @Override public void apply(Frame frame, OpinionSink out) {
        calls.add(name + "@" + frame.action());
        if (scope.admits(frame) && frame.ofType(BALL).length > 0) {
          out.exact(frame.ofType(BALL)[0], Slots.X, 3);
        }
      }
    };
  }

  static Frame frame(int action, boolean wall) {
    Frame.Builder b = Frame.builder(WORLD).add(1, BALL, 5, 5, 1, 1);
    if (wall) {
      b.add(2, WALL, 0, 0, 1, 10);
    }
    return b.action(action).build();
  }

  @Test
  void onlyLawsWhoseActionsAndTypesTheFrameShowsRun() {
    List<String> calls = new ArrayList<>();
    List<Law> laws = List.of(
        scoped("any", LawScope.ANY, calls),
        scoped("go", new LawScope(new int[] {1}, new int[0]), calls),
        scoped("goOrStop", new LawScope(new int[] {1, 2}, new int[0]), calls),
        scoped("wall", new LawScope(null, new int[] {WALL}), calls),
        scoped("goWall", new LawScope(new int[] {1}, new int[] {BALL, WALL}), calls));
    WorldModel model = WorldModel.of(WORLD, laws);
    Inference inference = model.newInference();
    inference.analyse(frame(1, false));
    assertEquals(List.of("any@1", "go@1", "goOrStop@1"), calls);
    calls.clear();
    inference.analyse(frame(2, true));
    assertEquals(List.of("any@2", "goOrStop@2", "wall@2"), calls);
    calls.clear();
    inference.analyse(frame(-1, true));
    assertEquals(List.of("any@-1", "wall@-1"), calls, "no action: only laws open to every action");
    calls.clear();
    inference.analyse(frame(7, true));
    assertEquals(List.of("any@7", "wall@7"), calls, "an undeclared action: likewise");
    calls.clear();
    model.newInferenceWithoutLawIndex().analyse(frame(1, false));
    assertEquals(List.of("any@1", "go@1", "goOrStop@1", "wall@1", "goWall@1"), calls);
  }

  @Test
  void indexedAndUnindexedInferenceAgreeBitForBit() {
    List<String> calls = new ArrayList<>();
    List<Law> laws = List.of(scoped("any", LawScope.ANY, calls),
        scoped("go", new LawScope(new int[] {1}, new int[0]), calls),
        scoped("wall", new LawScope(null, new int[] {WALL}), calls));
    WorldModel model = WorldModel.of(WORLD, laws);
    Inference indexed = model.newInference();
    Inference every = model.newInferenceWithoutLawIndex();
    for (int action = -1; action < 3; action++) {
      for (boolean wall : new boolean[] {false, true}) {
        Frame t = frame(action, wall);
        Frame next = Frame.builder(WORLD).add(1, BALL, 3, 5, 1, 1).previous(t).build();
        assertEquals(every.logLikelihood(t, next), indexed.logLikelihood(t, next), 0.0, action + " " + wall);
      }
    }
    assertArrayEquals(every.firings(), indexed.firings());
  }

  @Test
  void lawsWhoseWitnessedValueNoObjectShowsAreSkipped() {
    List<String> calls = new ArrayList<>();
    List<Law> laws = List.of(
        scoped("wide", new LawScope(null, new int[] {BALL}, new LawScope.Witness(BALL, Slots.W, 1)), calls),
        scoped("narrow", new LawScope(null, new int[] {BALL}, new LawScope.Witness(BALL, Slots.W, 2)), calls),
        scoped("wallWide", new LawScope(null, new int[] {WALL}, new LawScope.Witness(WALL, Slots.W, 1)), calls),
        scoped("still", new LawScope(null, new int[] {BALL}, new LawScope.Witness(BALL, LawScope.Witness.VX, 0)), calls),
        scoped("plain", new LawScope(null, new int[] {BALL}), calls));
    WorldModel model = WorldModel.of(WORLD, laws);
    Inference indexed = model.newInference();
    indexed.analyse(frame(0, true));
    assertEquals(List.of("wide@0", "wallWide@0", "still@0", "plain@0"), calls,
        "the ball and the wall are 1 wide; the ball has no velocity yet");
    calls.clear();
    Frame moved = Frame.builder(WORLD).add(1, BALL, 6, 5, 2, 1).add(2, WALL, 0, 0, 1, 10).action(0)
        .previous(frame(0, true)).build();
    indexed.analyse(moved);
    assertEquals(List.of("narrow@0", "wallWide@0", "plain@0"), calls, "now 2 wide and moving at vx 1");
  }

  @Test
  void witnessedAndUnindexedInferenceAgreeBitForBit() {
    List<String> calls = new ArrayList<>();
    List<Law> laws = List.of(
        scoped("wide", new LawScope(null, new int[] {BALL}, new LawScope.Witness(BALL, Slots.W, 1)), calls),
        scoped("narrow", new LawScope(null, new int[] {BALL}, new LawScope.Witness(BALL, Slots.W, 2)), calls),
        scoped("any", LawScope.ANY, calls));
    WorldModel model = WorldModel.of(WORLD, laws);
    Inference indexed = model.newInference();
    Inference every = model.newInferenceWithoutLawIndex();
    for (int width = 1; width <= 3; width++) {
      Frame t = Frame.builder(WORLD).add(1, BALL, 5, 5, width, 1).action(0).build();
      Frame next = Frame.builder(WORLD).add(1, BALL, 3, 5, width, 1).previous(t).build();
      assertEquals(every.logLikelihood(t, next), indexed.logLikelihood(t, next), 0.0, "width " + width);
    }
    assertArrayEquals(every.firings(), indexed.firings());
  }

  @Test
  void admittedLawsFollowTheTypesPresentAcrossManyCombinationsAndTheirReturn() {
    int typeCount = 6;
    List<EntityType> types = new ArrayList<>();
    for (int type = 0; type < typeCount; type++) {
      types.add(new EntityType("T" + type, type, List.of()));
    }
    WorldSchema world = new WorldSchema("Many", 10, 10, -1, 1, List.of("NOOP", "GO"), types);
    List<String> calls = new ArrayList<>();
    List<Law> laws = new ArrayList<>();
    for (int type = 0; type < typeCount; type++) {
      laws.add(scoped("on" + type, new LawScope(null, new int[] {type}), calls));
    }
    laws.add(scoped("pair03", new LawScope(new int[] {1}, new int[] {0, 3}), calls));
    Inference inference = WorldModel.of(world, laws).newInference();
    // More combinations than an action group remembers, each met again after the others under both actions.
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 200; round++) {
      int mask = 1 + random.nextInt((1 << typeCount) - 1);
      int action = random.nextInt(2);
      Frame.Builder b = Frame.builder(world);
      List<String> expected = new ArrayList<>();
      for (int type = 0; type < typeCount; type++) {
        if ((mask & 1 << type) != 0) {
          b.add(type + 1, type, type, 0, 1, 1);
          expected.add("on" + type + "@" + action);
        }
      }
      if (action == 1 && (mask & 1) != 0 && (mask & 8) != 0) {
        expected.add("pair03@" + action);
      }
      calls.clear();
      inference.analyse(b.action(action).build());
      assertEquals(expected, calls, "types " + Integer.toBinaryString(mask) + ", action " + action);
    }
  }
}
