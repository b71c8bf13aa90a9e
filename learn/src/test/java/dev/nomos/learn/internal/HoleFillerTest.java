package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.check.Hole;
import dev.nomos.learn.Transition;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.OpinionSink;
import dev.nomos.runtime.Slots;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.stdlib.Geometry;
import dev.nomos.stdlib.Side;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HoleFillerTest {
  static final WorldSchema SCHEMA = new WorldSchema("Tiny", 40, 40, -5, 5, List.of("NOOP"),
      List.of(new EntityType("Ball", 0, List.of()), new EntityType("Wall", 1, List.of())));

  /** The ball moves up at -2, touches the wall above, and comes back at +3. */
  static Transition bounce() {
    Frame t0 = Frame.builder(SCHEMA).add(1, 0, 10, 5, 2, 2).add(2, 1, 0, 0, 40, 2).action(0).build();
    Frame t1 = Frame.builder(SCHEMA).add(1, 0, 10, 3, 2, 2).add(2, 1, 0, 0, 40, 2).action(0).previous(t0).build();
    Frame t2 = Frame.builder(SCHEMA).add(1, 0, 10, 6, 2, 2).add(2, 1, 0, 0, 40, 2).previous(t1).build();
    return new Transition(0, t1, t2);
  }

  /**
   * Stands in for the compiler: understands exactly
   * {@code law n { on contact(b: Ball, w: Wall, side: S) then b.vy := V }}.
   */
  static final Function<String, Law> COMPILE = text -> {
    Matcher m = Pattern.compile("side: (\\w+)\\) then b\\.vy := \\(?(-?\\d+)\\)?").matcher(text);
    if (!m.find()) {
      return null;
    }
    int side = Side.indexOf(m.group(1));
    int vy = Integer.parseInt(m.group(2));
    return new Law() {
      @Override
      public String name() {
        return "n";
      }

      @Override
      public void apply(Frame f, OpinionSink out) {
        for (int b : f.ofType(0)) {
          for (int w : f.ofType(1)) {
            if (Geometry.side(f, b, w) == side) {
              out.exact(b, Slots.Y, f.y(b) + vy);
            }
          }
        }
      }
    };
  };

  /** The holes of one law, as the checker lists them. */
  static List<Hole> holes(String law) {
    return NomosCompiler.checkCandidates(SCHEMA, law, "candidate.law").laws().get(0).holes();
  }

  @Test
  void fillsSideAndIntegerHolesFromThePromptingTransitions() {
    String law = "law n { on contact(b: Ball, w: Wall, side: ?) then b.vy := ? }";
    assertEquals(List.of(Hole.Kind.SIDE, Hole.Kind.INT), holes(law).stream().map(Hole::kind).toList());
    String filled = HoleFiller.fill(law, holes(law), List.of(bounce()), COMPILE);
    assertEquals("law n { on contact(b: Ball, w: Wall, side: TOP) then b.vy := 3 }", filled);
    assertTrue(holes(filled).isEmpty());
  }

  @Test
  void negativeValuesAreParenthesised() {
    Transition t = bounce();
    Frame down = Frame.builder(SCHEMA).add(1, 0, 10, 2, 2, 2).add(2, 1, 0, 0, 40, 2).previous(t.before()).build();
    String law = "law n { on contact(b: Ball, w: Wall, side: TOP) then b.vy := ? }";
    String filled = HoleFiller.fill(law, holes(law), List.of(new Transition(0, t.before(), down)), COMPILE);
    assertEquals("law n { on contact(b: Ball, w: Wall, side: TOP) then b.vy := (-1) }", filled);
  }

  @Test
  void nullWhenNoFillingCompiles() {
    String law = "law n { for b: Ball then b.vy := ? }";
    assertNull(HoleFiller.fill(law, holes(law), List.of(bounce()), COMPILE));
  }

  @Test
  void textWithoutHolesIsReturnedAsIs() {
    String law = "law n { on contact(b: Ball, w: Wall, side: TOP) then b.vy := 3 }";
    assertEquals(law, HoleFiller.fill(law, holes(law), List.of(bounce()), COMPILE));
  }

  @Test
  void holesAfterAnEmojiAreFilledInPlace() {
    String law = "/// A ball \uD83C\uDFD3 bounces.\nlaw n { on contact(b: Ball, w: Wall, side: ?) then b.vy := ? }";
    String filled = HoleFiller.fill(law, holes(law), List.of(bounce()), COMPILE);
    assertEquals("/// A ball \uD83C\uDFD3 bounces.\nlaw n { on contact(b: Ball, w: Wall, side: TOP) then b.vy := 3 }", filled);
  }
}
