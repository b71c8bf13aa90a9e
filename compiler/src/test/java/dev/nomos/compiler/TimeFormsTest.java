package dev.nomos.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nomos.compiler.codegen.Engine;
import dev.nomos.compiler.codegen.LawFactory;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The time forms from source to opinions, on hand-made frames whose answers are worked out by hand;
 * every case runs on both engines and must give the same calls.
 */
class TimeFormsTest {
  private static final String WORLD = """
      world Arena {
        screen 100 x 100
        velocity -9..9
        contact_gap 0
        actions NOOP, JUMP
        entity Hero
        entity Ground
        entity Bat
      }
      """;
  private static final int HERO = 0;
  private static final int GROUND = 1;
  private static final int BAT = 2;

  /** The calls of a one-law model on a frame, checked equal on both engines. */
  private static List<String> run(String law, Frame frame) {
    Compilation c = NomosCompiler.compile(List.of(new SourceFile("t.law", WORLD + law)), SourceResolver.none());
    assertFalse(c.hasErrors(), () -> c.diagnostics().toString());
    List<String> interpreted = calls(LawFactory.create(c.plans().get(0), Engine.INTERPRETED), frame);
    assertEquals(interpreted, calls(LawFactory.create(c.plans().get(0), Engine.COMPILED), frame));
    return interpreted;
  }

  private static WorldSchema schema() {
    return NomosCompiler.compile(List.of(new SourceFile("w.law", WORLD)), SourceResolver.none()).schema();
  }

  /**
   * Frames built from rows "action heroY [bat]": the hero (id 1, x 10) at heroY, the ground (id 2)
   * at y 50, and when a row says "bat", bat 3 at the hero's box.
   */
  private static Frame frames(int firstStep, String... rows) {
    WorldSchema s = schema();
    Frame f = null;
    for (String row : rows) {
      String[] p = row.split(" ");
      Frame.Builder b = Frame.builder(s).previous(f).action(s.actionIndex(p[0]))
          .add(1, HERO, 10, Integer.parseInt(p[1]), 10, 10).add(2, GROUND, 0, 50, 100, 10);
      if (p.length > 2) {
        b.add(3, BAT, 12, Integer.parseInt(p[1]) + 2, 4, 4);
      }
      if (f == null) {
        b.step(firstStep);
      }
      f = b.build();
    }
    return f;
  }

  private static final String JUMP = """
      law jump {
        for h: Hero, g: Ground
        then h.vy := seq(-4, -2, 0, 2, 4) after action == JUMP and side(h, g) == BOTTOM
      }
      """;

  @Test
  void aSequenceTakesTheValueOfTheStepsSinceTheTrigger() {
    // Jump at the first frame (hero on the ground, y 40): now the hero is 2 steps into the arc.
    Frame f = frames(0, "JUMP 40", "NOOP 36", "NOOP 34");
    int hero = f.indexOfId(1);
    assertEquals(List.of("exact(" + hero + "," + Slots.Y + ",34)"), run(JUMP, f)); // y + 0
    Frame later = frames(0, "JUMP 40", "NOOP 36", "NOOP 34", "NOOP 34", "NOOP 36");
    assertEquals(List.of("exact(" + hero + "," + Slots.Y + ",40)"), run(JUMP, later)); // y + 4
  }

  @Test
  void theMostRecentTriggerWinsAndNoTriggerMeansNoOpinion() {
    Frame again = frames(0, "JUMP 40", "NOOP 40", "JUMP 40");
    assertEquals(List.of("exact(" + again.indexOfId(1) + "," + Slots.Y + ",36)"), run(JUMP, again));
    Frame over = frames(0, "JUMP 40", "NOOP 36", "NOOP 34", "NOOP 34", "NOOP 36", "NOOP 40");
    assertEquals(List.of(), run(JUMP, over)); // the trigger is 5 steps back: past the sequence
    assertEquals(List.of(), run(JUMP, frames(0, "NOOP 40", "NOOP 40")));
  }

  @Test
  void aTriggerBeforeTheObjectAppearedDoesNotCount() {
    String law = """
        law bat_arc {
          for b: Bat
          then b.vx := seq(1, 2, 3) after action == JUMP
        }
        """;
    // JUMP two steps ago, but the bat is one step old: only a trigger it was there for counts.
    assertEquals(List.of(), run(law, frames(0, "JUMP 40", "NOOP 40 bat", "NOOP 40 bat")));
    Frame f = frames(0, "NOOP 40", "JUMP 40 bat", "NOOP 40 bat");
    assertEquals(List.of("exact(" + f.indexOfId(3) + "," + Slots.X + ",14)"), run(law, f));
  }

  @Test
  void relationsAtEarlierFramesAreFalseWhereAnObjectWasMissing() {
    String law = """
        law stunned {
          for h: Hero, b: Bat
          when touching(h, b)@-1 or side(h, b)@-2 != NONE
          then h.vx := 0
        }
        """;
    Frame touchedBefore = frames(0, "NOOP 40 bat", "NOOP 40 bat", "NOOP 40 bat");
    assertEquals(List.of("exact(" + touchedBefore.indexOfId(1) + "," + Slots.X + ",10)"), run(law, touchedBefore));
    // The bat has just appeared: it touched nothing one or two steps ago.
    assertEquals(List.of(), run(law, frames(0, "NOOP 40", "NOOP 40", "NOOP 40 bat")));
    // It was there two steps ago but left in between: it counts only while present throughout.
    assertEquals(List.of(), run(law, frames(0, "NOOP 40 bat", "NOOP 40", "NOOP 40 bat")));
  }

  @Test
  void ageAndPresenceHistory() {
    String law = """
        law aging {
          for b: Bat
          then b.x := age(b) * 10 + (if present(b)@-2 then 1 else 0)
               b.y := age(b)@-1
        }
        """;
    Frame f = frames(0, "NOOP 40", "NOOP 40 bat", "NOOP 40 bat", "NOOP 40 bat");
    int bat = f.indexOfId(3);
    assertEquals(List.of("exact(" + bat + "," + Slots.X + ",21)", "exact(" + bat + "," + Slots.Y + ",1)"), run(law, f));
    Frame young = frames(0, "NOOP 40", "NOOP 40 bat");
    int b = young.indexOfId(3);
    // age(b)@-1 of a bat that was not there one step ago: age's value for a missing object, -1.
    assertEquals(List.of("exact(" + b + "," + Slots.X + ",0)", "exact(" + b + "," + Slots.Y + ",-1)"), run(law, young));
  }

  @Test
  void stepIsTheStepOfTheEpisode() {
    String law = """
        law clock {
          for h: Hero
          when step % 8 == 0
          then h.y := step
        }
        """;
    Frame f = frames(14, "NOOP 40", "NOOP 40", "NOOP 40");
    assertEquals(List.of("exact(" + f.indexOfId(1) + "," + Slots.Y + ",16)"), run(law, f));
    assertEquals(List.of(), run(law, frames(0, "NOOP 40", "NOOP 40")));
  }

  @Test
  void quantifiersReadAtAnEarlierFrameRangeOverThatFramesObjects() {
    String law = """
        law contacts_then {
          for h: Hero
          then h.x := (count o: Object where touching(h, o))@-1 * 10 + count(Bat)@-2
        }
        """;
    // One step ago the hero hung in the air alone; two steps ago a bat was there (gone now).
    Frame alone = frames(0, "NOOP 40 bat", "NOOP 36", "NOOP 36");
    assertEquals(List.of("exact(" + alone.indexOfId(1) + "," + Slots.X + ",1)"), run(law, alone));
    // One step ago it stood on the ground with a bat on it: two contacts, and no bat two steps ago.
    Frame crowded = frames(0, "NOOP 36", "NOOP 40 bat", "NOOP 36");
    assertEquals(List.of("exact(" + crowded.indexOfId(1) + "," + Slots.X + ",20)"), run(law, crowded));
    // Before the recording reaches: nothing is there, nothing counted.
    Frame first = frames(0, "NOOP 40");
    assertEquals(List.of("exact(" + first.indexOfId(1) + "," + Slots.X + ",0)"), run(law, first));
  }

  @Test
  void aQuantifierAboutAnObjectThatWasNotThereFindsNothing() {
    String law = """
        law bat_was_touching {
          for b: Bat
          when not (exists o: Object where touching(b, o))@-1
          then b.vx := 1
        }
        """;
    Frame young = frames(0, "NOOP 40", "NOOP 40 bat");
    assertEquals(List.of("exact(" + young.indexOfId(3) + "," + Slots.X + ",13)"), run(law, young));
    assertEquals(List.of(), run(law, frames(0, "NOOP 40 bat", "NOOP 40 bat")));
  }

  @Test
  void aSequenceAfterTouchingNothing() {
    String law = """
        law falls_after_flying {
          for h: Hero
          then h.vy := seq(5, 6, 7) after h.vy < 0 and not exists o: Object where touching(h, o)
        }
        """;
    // Two steps ago the hero rose (vy -4) touching nothing: the third value, y 40 + 7.
    Frame f = frames(0, "NOOP 40", "NOOP 36", "NOOP 36", "NOOP 40");
    assertEquals(List.of("exact(" + f.indexOfId(1) + "," + Slots.Y + ",47)"), run(law, f));
    // Then a bat touched it, and that bat is gone now: the objects of that frame count.
    assertEquals(List.of(), run(law, frames(0, "NOOP 40", "NOOP 36 bat", "NOOP 36", "NOOP 40")));
  }

  private static List<String> calls(Law law, Frame frame) {
    List<String> out = new ArrayList<>();
    law.apply(frame, new OpinionSink() {
      @Override public void exact(int object, int slot, int value) {
        out.add("exact(" + object + "," + slot + "," + value + ")");
      }

      @Override public void range(int object, int slot, int lo, int hi) {
        out.add("range(" + object + "," + slot + "," + lo + "," + hi + ")");
      }

      @Override public void beginChoice(int object, int slot) {
        out.add("beginChoice");
      }

      @Override public void choice(int value, double weight) {
        out.add("choice(" + value + ")");
      }

      @Override public void endChoice() {
        out.add("endChoice");
      }

      @Override public void beginJoint(int object) {
        out.add("beginJoint");
      }

      @Override public void jointAlternative(double weight) {
        out.add("jointAlternative");
      }

      @Override public void jointValue(int slot, int value) {
        out.add("jointValue(" + slot + "," + value + ")");
      }

      @Override public void endJoint() {
        out.add("endJoint");
      }

      @Override public void spawn(int type, int x, int y) {
        out.add("spawn(" + type + "," + x + "," + y + ")");
      }

      @Override public void beginSpawn(int type, double probability, int chance) {
        out.add("beginSpawn(" + type + "," + probability + "," + chance + ")");
      }

      @Override public void place(int x, int y, double weight) {
        out.add("place(" + x + "," + y + "," + weight + ")");
      }

      @Override public void placeRange(int x0, int y0, int x1, int y1) {
        out.add("placeRange(" + x0 + "," + y0 + "," + x1 + "," + y1 + ")");
      }

      @Override public void endSpawn() {
        out.add("endSpawn");
      }
    });
    return out;
  }
}
