package dev.nomos.compiler.meaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.meaning.Declaration.Kind;
import dev.nomos.compiler.source.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where each local name is visible, as the checker scoped it: {@link Meaning#visibleAt}. */
class VisibleNamesTest {
  static final String WORLD = """
      world Rooms {
        screen 100 x 100
        velocity -2..2
        actions UP
        entity Ball
        entity Wall
        entity Door
      }
      """;
  static final String LAWS = """
      def left_of(b: Ball, k: int) = b.x < k
      law stops {
        for b: Ball
        when exists u: Wall where u.x == b.x and (count v: Door where v.y == u.y) > 0
        then b.vx := 0
      }
      law waits {
        for b: Ball
        when all k in 1..2: b.x@-k == b.x
        then b.vy := 0
      }
      law stays for T in {Ball, Wall} {
        for o: T
        then o.x := o.x
      }
      law twice {
        for b: Ball
        when (exists u: Wall where u.y == b.y) and (exists u: Door where u.x == b.x)
        then b.vx := 0
      }
      """;

  private static Compilation compile(String text) {
    return NomosCompiler.compile(List.of(new SourceFile("rooms.law", text)), SourceResolver.inMemory(Map.of()));
  }

  private static final Compilation C = compile(WORLD + LAWS);
  private static final String TEXT = WORLD + LAWS;

  /** The names visible at the {@code occurrence}-th (from 0) place where {@code text} starts. */
  private static List<String> visibleAt(Compilation c, String source, String text, int occurrence) {
    int offset = -1;
    for (int i = 0; i <= occurrence; i++) {
      offset = source.indexOf(text, offset + 1);
    }
    assertTrue(offset >= 0, text);
    return c.meaning().visibleAt(c.units().get(0).source(), offset).stream().map(Declaration::name).toList();
  }

  private static List<String> visibleAt(String text, int occurrence) {
    return visibleAt(C, TEXT, text, occurrence);
  }

  @Test
  void theLawsCheck() {
    assertFalse(C.hasErrors(), () -> DiagnosticRenderer.render(C.diagnostics()));
  }

  @Test
  void nestedQuantifiersSeeTheirOwnAndEveryEnclosingVariableOutermostFirst() {
    assertEquals(List.of("b", "u", "v"), visibleAt("v.y == u.y", 0));
    assertEquals(List.of("b", "u"), visibleAt("u.x == b.x", 0));
  }

  @Test
  void aQuantifiersVariableIsNotVisibleAfterItCloses() {
    assertEquals(List.of("b"), visibleAt("b.vx := 0", 0));
    // Right after its last word a name still counts (the cursor ends a word there); past the
    // count's closing parenthesis, still inside the exists, it does not.
    assertEquals(List.of("b", "u", "v"), visibleAt(") > 0", 0));
    assertEquals(List.of("b", "u"), visibleAt("> 0", 0));
  }

  @Test
  void aStepVariableIsVisibleInItsAggregateOnly() {
    assertEquals(List.of("b", "k"), visibleAt("b.x@-k", 0));
    assertEquals(List.of("b"), visibleAt("b.vy := 0", 0));
  }

  @Test
  void aNameIsVisibleFromTheEndOfItsDeclarationNotBefore() {
    int binder = TEXT.indexOf("b: Ball\n  when exists");
    SourceFile file = C.units().get(0).source();
    assertEquals(List.of(), C.meaning().visibleAt(file, binder).stream().map(Declaration::name).toList());
    assertEquals(List.of("b"), C.meaning().visibleAt(file, binder + 1).stream().map(Declaration::name).toList());
  }

  @Test
  void aDefinitionSeesItsParametersAndALawWithCasesItsParameters() {
    SourceFile file = C.units().get(0).source();
    List<Declaration> def = C.meaning().visibleAt(file, TEXT.indexOf("b.x < k"));
    assertEquals(List.of("b", "k"), def.stream().map(Declaration::name).toList());
    assertEquals(List.of(Kind.BINDER, Kind.VALUE_PARAMETER), def.stream().map(Declaration::kind).toList());
    List<Declaration> cased = C.meaning().visibleAt(file, TEXT.indexOf("o.x := o.x"));
    assertEquals(List.of("T", "o"), cased.stream().map(Declaration::name).toList());
    assertEquals(List.of(Kind.CASE_PARAMETER, Kind.BINDER), cased.stream().map(Declaration::kind).toList());
    // Nothing of a law is visible in the next one.
    assertEquals(List.of("b"), visibleAt("b.x@-k", 0).subList(0, 1));
    assertEquals(List.of(), C.meaning().visibleAt(file, TEXT.indexOf("law waits")));
  }

  @Test
  void twoQuantifiersMayReuseANameEachSeesItsOwn() {
    SourceFile file = C.units().get(0).source();
    Declaration first = C.meaning().visibleAt(file, TEXT.indexOf("u.y == b.y")).get(1);
    Declaration second = C.meaning().visibleAt(file, TEXT.indexOf("u.x == b.x)")).get(1);
    assertEquals("Wall", first.detail());
    assertEquals("Door", second.detail());
  }

  @Test
  void anInnerNameShadowsAnOuterOneEvenWhereTheCheckerRefusesIt() {
    String shadowing = WORLD + """
        law shadows {
          for b: Ball
          when exists u: Wall where (exists u: Door where u.x == b.x)
          then b.vx := 0
        }
        """;
    Compilation c = compile(shadowing);
    assertTrue(c.hasErrors(), "a name bound twice in a law is refused");
    List<Declaration> inner = c.meaning().visibleAt(c.units().get(0).source(), shadowing.indexOf("u.x == b.x"));
    assertEquals(List.of("b", "u"), inner.stream().map(Declaration::name).toList());
    assertEquals("Door", inner.get(1).detail());
  }
}
