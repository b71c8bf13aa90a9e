package dev.nomos.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.interp.Interpreter;
import dev.nomos.compiler.interp.InterpreterSourceTestAccess;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.runtime.BindingBudgetExceededException;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.FusibleLaw;
import dev.nomos.runtime.GroupSink;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OneLoopLaw;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.WorldModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Laws of one generated class and binders run together ({@link FusibleLaw#applyAll}) say exactly what
 * each says alone, and a model whose laws ran together scores every step bit for bit as the
 * interpreter's and as the same laws run one at a time.
 */
class FusedLawsTest {

  /** Records each law's calls apart, switching law at every {@code law(m)}. */
  static final class PerLawSink extends RecordingSink implements GroupSink {
    final List<List<String>> byLaw = new ArrayList<>();
    int current = -1;

    PerLawSink(int laws) {
      for (int i = 0; i < laws; i++) {
        byLaw.add(new ArrayList<>());
      }
    }

    @Override public void law(int index) {
      flush();
      current = index;
    }

    void flush() {
      if (!calls.isEmpty()) {
        if (current < 0) {
          throw new AssertionError("opinions before any law(m): " + calls);
        }
        byLaw.get(current).addAll(calls);
        calls.clear();
      }
    }
  }

  @Test
  void applyAllMakesEachMembersCallsOfApplyOnRandomPlans() {
    int fused = 0;
    for (int seed = 0; seed < 1000; seed++) {
      Random r = new Random(seed);
      WorldSchema schema = RandomWorlds.schema(r);
      LawPlan plan = RandomPlans.plan(schema, r, "law_0");
      long budget = r.nextInt(4) == 0 ? r.nextInt(40) : BindingBudgetExceededException.DEFAULT_BUDGET;
      List<LawPlan> plans = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        plans.add(new LawPlan("law_" + i, plan.loops(), plan.guard(), plan.effects(), plan.objectVars(),
            plan.intLocals()));
      }
      List<Law> compiled = CompiledLaws.compile(plans, budget);
      if (!(compiled.get(0) instanceof FusibleLaw first)) {
        continue;
      }
      fused++;
      Law[] laws = compiled.toArray(Law[]::new);
      for (int f = 0; f < 8; f++) {
        Frame frame = RandomWorlds.frame(schema, r);
        List<List<String>> expected = new ArrayList<>();
        String expectedBudget = null;
        for (LawPlan p : plans) {
          List<String> alone = DifferentialTest.run(Interpreter.interpret(p, budget), frame);
          if (!alone.isEmpty() && alone.get(alone.size() - 1).startsWith("budget(")) {
            expectedBudget = alone.get(alone.size() - 1);
            break; // the first member runs out, and so all of them
          }
          expected.add(alone);
        }
        PerLawSink sink = new PerLawSink(3);
        sink.next = frame.previous();
        try {
          first.applyAll(frame, sink, laws, new int[] {0, 1, 2}, 3);
          sink.flush();
          assertEquals(null, expectedBudget, "plan " + plan);
          assertEquals(expected, sink.byLaw, "plan " + plan);
        } catch (BindingBudgetExceededException e) {
          assertEquals(expectedBudget, "budget(" + e.lawName() + "," + e.count() + "," + e.budget() + ")", "plan " + plan);
        }
      }
    }
    // Random plans are deep and mostly scan or create; about one in fifteen fuses.
    assertTrue(fused >= 40, "random plans that fuse: " + fused + " of 1,000");
  }

  /** Four templates and the laws that cannot fuse, each with four constants, interleaved in model order. */
  static String laws() {
    StringBuilder sb = new StringBuilder();
    for (int k = 1; k <= 4; k++) {
      sb.append("law pull").append(k).append(" { for a: Ball for b: Ball when a.x < b.x - ").append(k)
          .append(" then a.vx := ").append(k).append(" }\n");
      sb.append("law spread").append(k).append(" { for b: Ball when b.vy == ").append(k - 2)
          .append(" then b.vy ~ range(-").append(k).append(", ").append(k).append(") }\n");
      sb.append("law score").append(k).append(" { for c: Block when c.points > ").append(10 * k)
          .append(" then c.points ~ weighted(").append(k).append(": 0.").append(k).append(", 0: 0.5) }\n");
      sb.append("law bounce").append(k).append(" { on contact(b: Ball, w: Wall, side: ")
          .append(List.of("LEFT", "RIGHT", "TOP", "BOTTOM").get(k - 1)).append(") when b.vx < ").append(k)
          .append(" then b.vx := -b.vx }\n");
      sb.append("law near").append(k).append(" { for b: Ball when exists w: Wall where touching(b, w) then b.vy := ")
          .append(k).append(" }\n");
      sb.append("law spawn").append(k).append(" { when count(Ball) < ").append(k + 2).append(" then spawn Ball at (")
          .append(k).append(", ").append(k).append(") }\n");
    }
    return sb.toString();
  }

  /** Frames t and t+1 of a random crowd of balls, walls and blocks, the balls moving. */
  static List<Frame> frames(WorldSchema s, Random r) {
    List<Frame> frames = new ArrayList<>();
    int balls = 2 + r.nextInt(5);
    int[][] ball = new int[balls][];
    for (int i = 0; i < balls; i++) {
      ball[i] = new int[] {r.nextInt(60), r.nextInt(60)};
    }
    Frame previous = null;
    for (int step = 0; step < 6; step++) {
      Frame.Builder b = Frame.builder(s);
      for (int i = 0; i < balls; i++) {
        ball[i][0] += r.nextInt(7) - 3;
        ball[i][1] += r.nextInt(7) - 3;
        b.add(1 + i, s.type("Ball").index(), ball[i][0], ball[i][1], 2, 2);
      }
      for (int i = 0; i < 4; i++) {
        b.add(100 + i, s.type("Wall").index(), 10 * i, 10 * i + 5, 3, 3);
      }
      for (int i = 0; i < 3; i++) {
        b.add(200 + i, s.type("Block").index(), 40 + i, 40, 2, 2, 15 * i + r.nextInt(20), r.nextInt(2));
      }
      frames.add(previous = b.action(r.nextInt(3)).previous(previous).build());
    }
    return frames;
  }

  /**
   * Scores 40 to 60 random episodes with the fused laws, the same laws one at a time and the
   * interpreter, all under the same random weights, and asserts that every step scores bit for bit
   * alike and that the laws fired as often; returns the fused run's firings.
   */
  private static long[] assertScoresAsInterpreterAndAlone(Compilation c, List<Law> compiled, Random r, int episodes) {
    List<Law> interpreted = c.plans().stream().map(p -> (Law) Interpreter.interpret(p)).toList();
    double[] weights = new double[compiled.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 0.1 + 3 * r.nextDouble();
    }
    WorldModel fusedModel = new WorldModel(c.schema(), compiled, weights, ModelOptions.defaults());
    Inference fused = fusedModel.newInference();
    Inference alone = fusedModel.newInferenceWithoutLawIndex();
    Inference oracle = new WorldModel(c.schema(), interpreted, weights, ModelOptions.defaults()).newInference();
    for (int episode = 0; episode < episodes; episode++) {
      List<Frame> frames = frames(c.schema(), r);
      for (int k = 0; k + 1 < frames.size(); k++) {
        double expected = oracle.logLikelihood(frames.get(k), frames.get(k + 1));
        assertEquals(expected, fused.logLikelihood(frames.get(k), frames.get(k + 1)), 0.0, "episode " + episode);
        assertEquals(expected, alone.logLikelihood(frames.get(k), frames.get(k + 1)), 0.0, "episode " + episode);
      }
    }
    assertArrayEquals(oracle.firings(), fused.firings());
    return fused.firings();
  }

  @Test
  void aModelOfFusedLawsScoresEveryStepAsTheInterpreterAndAsItsLawsAlone() {
    Compilation c = InterpreterSourceTestAccess.compile(laws());
    List<Law> compiled = CompiledLaws.compile(c.plans());
    long fusible = compiled.stream().filter(l -> l instanceof FusibleLaw).count();
    assertEquals(16, fusible, "pull, spread, score and bounce fuse; near (a scan) and spawn do not");
    assertFalse(compiled.get(4) instanceof FusibleLaw, "near scans the walls");
    assertFalse(compiled.get(5) instanceof FusibleLaw, "spawn creates");
    assertEquals(compiled.get(0).getClass(), compiled.get(6).getClass(), "pull1 and pull2 share their class");
    assertArrayEquals(((FusibleLaw) compiled.get(0)).binderConstants(), ((FusibleLaw) compiled.get(6)).binderConstants());
    assertEquals(compiled.get(3).getClass(), compiled.get(9).getClass(), "bounce1 and bounce2 share their class");
    assertArrayEquals(((FusibleLaw) compiled.get(3)).binderConstants(), ((FusibleLaw) compiled.get(9)).binderConstants(),
        "an innermost contact's side is tested per law, so contacts on other sides fuse");

    long[] firings = assertScoresAsInterpreterAndAlone(c, compiled, new Random(3), 40);
    long pullFirings = firings[0];
    assertTrue(pullFirings > 200, "pull1 fires for several bindings a step: " + pullFirings);
  }

  /**
   * Members that look at the same history through the same constants share its value per binding;
   * members whose window differs work out their own. Windows alternate between the members so that
   * a kept value must be set aside, and worked out again, mid-group.
   */
  static String historyLaws() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      int window = i % 3 == 2 ? 3 : 2;
      sb.append("law fall").append(i).append(" { for b: Ball when (count k in 1..").append(window)
          .append(": b.vy@-k > 0) >= ").append(1 + i % 2).append(" then b.vy := ").append(i - 3).append(" }\n");
      sb.append("law hold").append(i).append(" { for b: Ball when any k in 1..").append(window)
          .append(": b.vx@-k == ").append(i % 4 - 2).append(" then b.vx := ").append(i % 4 - 2).append(" }\n");
      sb.append("law touched").append(i).append(" { for a: Ball for w: Wall when touching(a, w)@-").append(window - 1)
          .append(" and a.vy < ").append(i - 4).append(" then a.vy := ").append(-i).append(" }\n");
    }
    return sb.toString();
  }

  @Test
  void membersSharingAHistoryValueScoreAsTheInterpreterAndAsTheirLawsAlone() {
    Compilation c = InterpreterSourceTestAccess.compile(historyLaws());
    List<Law> compiled = CompiledLaws.compile(c.plans());
    assertEquals(24, compiled.stream().filter(l -> l instanceof FusibleLaw).count(), "every law fuses");
    assertEquals(compiled.get(0).getClass(), compiled.get(6).getClass(), "fall0 and fall2 share their class");
    long[] firings = assertScoresAsInterpreterAndAlone(c, compiled, new Random(5), 60);
    for (int family = 0; family < 3; family++) {
      // Each family fires under windows of both sizes, so both shared and recomputed values count.
      long two = 0;
      long three = 0;
      for (int i = 0; i < 8; i++) {
        if (i % 3 == 2) {
          three += firings[3 * i + family];
        } else {
          two += firings[3 * i + family];
        }
      }
      assertTrue(two > 0 && three > 0, "law family " + family + " fires with both windows: " + two + ", " + three);
    }
  }

  /** Laws of one loop asking each for its own velocity: run object by object, each with the laws its velocity meets. */
  static String keepLaws() {
    StringBuilder sb = new StringBuilder();
    for (int v = -3; v <= 3; v++) {
      sb.append("law keep").append(v + 3).append(" { for b: Ball when b.vx == ").append(v).append(" and b.y > ")
          .append(20 + v).append(" then b.vx := ").append(v).append(" }\n");
      sb.append("law again").append(v + 3).append(" { for b: Ball when ").append(v).append(" == b.vx")
          .append(" then b.vx ~ range(").append(v - 1).append(", ").append(v + 1).append(") }\n");
    }
    return sb.toString();
  }

  @Test
  void oneLoopLawsRunObjectByObjectScoreAsTheInterpreterAndAsTheirLawsAlone() {
    Compilation c = InterpreterSourceTestAccess.compile(keepLaws());
    List<Law> compiled = CompiledLaws.compile(c.plans());
    assertTrue(compiled.stream().allMatch(l -> l instanceof OneLoopLaw), "every law is a one-loop law");
    assertTrue(compiled.stream().allMatch(l -> l.scope().witness() != null), "every law has a witness");
    long[] firings = assertScoresAsInterpreterAndAlone(c, compiled, new Random(9), 60);
    assertTrue(java.util.Arrays.stream(firings).filter(f -> f > 0).count() >= 10,
        "most laws fire: " + java.util.Arrays.toString(firings));
  }

  @Test
  void oneLoopLawsOverTheirBudgetFailNamingTheFirstLawAsAloneItWould() {
    Compilation c = InterpreterSourceTestAccess.compile(keepLaws());
    Frame frame = null;
    for (Random r = new Random(4); frame == null || frame.ofType(c.schema().type("Ball").index()).length < 3; ) {
      frame = frames(c.schema(), r).get(5);
    }
    Frame withBalls = frame;
    for (List<Law> laws : List.of(CompiledLaws.compile(c.plans(), 2),
        c.plans().stream().map(p -> (Law) Interpreter.interpret(p, 2)).toList())) {
      Inference inference = WorldModel.of(c.schema(), laws).newInference();
      LawException e = assertThrows(LawException.class, () -> inference.analyse(withBalls));
      assertInstanceOf(BindingBudgetExceededException.class, e.getCause());
      assertEquals(((BindingBudgetExceededException) e.getCause()).lawName(), e.lawName());
      assertTrue(e.lawName().startsWith("keep"), "the first law of the step runs out: " + e.lawName());
    }
  }

  @Test
  void aFusedGroupOverItsBudgetFailsNamingItsFirstLawAsAloneItWould() {
    Compilation c = InterpreterSourceTestAccess.compile(laws());
    Frame frame = frames(c.schema(), new Random(5)).get(5);
    for (List<Law> laws : List.of(CompiledLaws.compile(c.plans(), 3),
        c.plans().stream().map(p -> (Law) Interpreter.interpret(p, 3)).toList())) {
      Inference inference = WorldModel.of(c.schema(), laws).newInference();
      LawException e = assertThrows(LawException.class, () -> inference.analyse(frame));
      assertEquals("pull1", e.lawName());
      assertInstanceOf(BindingBudgetExceededException.class, e.getCause());
      assertEquals("pull1", ((BindingBudgetExceededException) e.getCause()).lawName());
    }
  }
}
