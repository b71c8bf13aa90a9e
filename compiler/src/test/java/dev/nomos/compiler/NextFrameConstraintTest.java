package dev.nomos.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.codegen.Engine;
import dev.nomos.compiler.codegen.LawFactory;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.RequirementSink;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.WorldModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Constraints whose guard reads the next frame, {@code when next(...)}: the guard is decided on the
 * most likely frame the laws predict, and the requirement then binds like any other; both engines.
 */
class NextFrameConstraintTest {
  private static final String SOURCE = """
      world Cave {
        screen 100 x 100
        velocity -8..8
        contact_gap 0
        actions NOOP, LEFT, RIGHT
        entity Player
        entity Rope
      }

      law falls {
        for p: Player
        then p.vx := 0
             p.vy := 8
      }

      law rope_hangs {
        for r: Rope
        then r.vx := 0
             r.vy := 0
      }

      /// A player who reaches a rope hangs at its centre: decided on the frame it reaches it in.
      constraint centred_on_rope {
        for p: Player, r: Rope
        when next(touching(p, r) and not (exists q: Rope where touching(p, q)) and count(Rope) == 1)
        then p.cx == r.cx
      }
      """;

  private static Compilation compile() {
    Compilation c = NomosCompiler.compile(List.of(new SourceFile("cave.law", SOURCE)), SourceResolver.none());
    assertFalse(c.hasErrors(), () -> c.diagnostics().toString());
    return c;
  }

  /** The player (id 1, 8 x 10) at (x, y) and the rope (id 2) at x 50..51, y 40..79. */
  private static Frame frame(WorldSchema s, Frame previous, int x, int y) {
    return Frame.builder(s).previous(previous).add(1, 0, x, y, 8, 10).add(2, 1, 50, 40, 2, 40).build();
  }

  private static WorldModel model(Compilation c, Engine engine, boolean constrained) {
    WorldModel m = WorldModel.of(c.schema(), LawFactory.createAll(c.plans(), engine));
    return constrained ? m.withConstraints(LawFactory.createAll(c.constraintPlans(), engine)) : m;
  }

  @Test
  void theGuardReadsTheFrameTheSinkGivesAndIsFalseWithoutOne() {
    Compilation c = compile();
    WorldSchema s = c.schema();
    Frame t = frame(s, null, 44, 25);
    for (Engine engine : Engine.values()) {
      Law constraint = LawFactory.createAll(c.constraintPlans(), engine).get(0);
      assertEquals(List.of(), requirements(constraint, t, null), engine.toString());
      assertEquals(List.of(), requirements(constraint, t, frame(s, t, 44, 13)), engine + ": not touching then");
      // Touching the rope at t+1: the player's x is pinned to the rope's centre, 51 - 8 / 2.
      assertEquals(List.of("0:0 47..47"), requirements(constraint, t, frame(s, t, 44, 33)), engine.toString());
      // A next frame without the player: nothing to relate.
      Frame gone = Frame.builder(s).previous(t).add(2, 1, 50, 40, 2, 40).build();
      assertEquals(List.of(), requirements(constraint, t, gone), engine + ": player gone");
    }
  }

  @Test
  void theMostLikelyFrameHangsOnTheRopeOnlyWhereTheLawsBringThePlayerToIt() {
    Compilation c = compile();
    WorldSchema s = c.schema();
    for (Engine engine : Engine.values()) {
      Inference inference = model(c, engine, true).newInference();
      // Falling 8 from y 25 reaches the rope (y 33..42 meets 40..79): x snaps from 44 to 47.
      Frame reaching = frame(s, null, 44, 25);
      Frame next = inference.mostLikelyNext(reaching, -1);
      assertEquals(47, next.x(next.indexOfId(1)), engine.toString());
      assertEquals(33, next.y(next.indexOfId(1)), engine.toString());
      // From y 5 it does not reach it: the constraint does not bind, and the laws keep x.
      Frame far = frame(s, null, 44, 5);
      Frame free = inference.mostLikelyNext(far, -1);
      assertEquals(44, free.x(free.indexOfId(1)), engine.toString());
      assertEquals(1, inference.constraintFirings()[0], engine + ": one requirement, from the run that stands");
    }
  }

  @Test
  void scoringRenormalisesOverWhatTheBindingConstraintAllows() {
    Compilation c = compile();
    WorldSchema s = c.schema();
    Frame t = frame(s, null, 44, 25);
    Frame snapped = frame(s, t, 47, 33);
    Frame kept = frame(s, t, 44, 33);
    for (Engine engine : Engine.values()) {
      WorldModel free = model(c, engine, false);
      WorldModel constrained = model(c, engine, true);
      assertTrue(free.logLikelihood(t, kept) > free.logLikelihood(t, snapped), engine.toString());
      assertTrue(constrained.logLikelihood(t, snapped) > constrained.logLikelihood(t, kept), engine.toString());
      // The x target holds one allowed value: all of its probability, so x costs nothing.
      assertTrue(constrained.logLikelihood(t, snapped) > free.logLikelihood(t, kept), engine.toString());
    }
  }

  private static List<String> requirements(Law constraint, Frame t, Frame next) {
    List<String> out = new ArrayList<>();
    constraint.apply(t, new RequirementSink() {
      @Override public Frame nextFrame() { return next; }
      @Override public void range(int object, int slot, int lo, int hi) { out.add(object + ":" + slot + " " + lo + ".." + hi); }
      @Override protected String caller() { return "test"; }
    });
    return out;
  }
}
