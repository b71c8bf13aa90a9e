package dev.nomos.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.CheckedLaw;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.AttributeKind;
import dev.nomos.runtime.WorldSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckerTest {

  static Compilation compile(String text) {
    return NomosCompiler.compile(List.of(new SourceFile("t.law", LoweringTest.WORLD + text)), SourceResolver.none());
  }

  static List<String> codes(Compilation c) {
    return c.diagnostics().stream().map(Diagnostic::code).toList();
  }

  @Test
  void worldBecomesSchema() {
    Compilation c = compile("");
    assertFalse(c.hasErrors());
    WorldSchema s = c.schema();
    assertEquals("Arena", s.name());
    assertEquals(160, s.screenWidth());
    assertEquals(210, s.screenHeight());
    assertEquals(-30, s.velocityMin());
    assertEquals(List.of("NOOP", "FIRE", "UP", "DOWN"), s.actions());
    assertEquals(WorldSchema.DEFAULT_CONTACT_GAP, s.contactGap());
    var door = s.type("Door");
    assertEquals(3, door.index());
    assertEquals(AttributeKind.SYMBOL, door.extras().get(0).kind());
    assertEquals(List.of("open", "closed", "locked"), door.extras().get(0).symbols());
    assertEquals(0, door.extras().get(1).min());
    assertEquals(3, door.extras().get(1).max());
    assertEquals(AttributeKind.BOOL, door.extras().get(2).kind());
  }

  @Test
  void intAttributesDefaultTo0To255AndContactGapIsRead() {
    Compilation c = NomosCompiler.compile(List.of(new SourceFile("g.law", """
        world G { screen 5 x 5  velocity -1..1  contact_gap 0  actions A  entity C { n: int } }""")),
        SourceResolver.none());
    assertFalse(c.hasErrors(), () -> DiagnosticRenderer.render(c.diagnostics()));
    assertEquals(0, c.schema().contactGap());
    assertEquals(255, c.schema().type("C").extras().get(0).max());
  }

  @Test
  void reportsEveryErrorNotOnlyTheFirst() {
    Compilation c = compile("""
        law a { for b: Bal then b.vx := 1 }
        law b { for p: Player when p.vz > 0 then p.w := 1 }
        law c { for p: Player when action == JUMP then p.vy := clmp(1) }
        """);
    assertEquals(List.of(Codes.UNKNOWN_TYPE, Codes.UNKNOWN_ATTRIBUTE, Codes.NOT_WRITABLE, Codes.UNKNOWN_ACTION,
        Codes.UNKNOWN_FUNCTION), codes(c));
    assertTrue(c.laws().stream().allMatch(l -> l.plan() == null));
  }

  @Test
  void suggestionsCarryAReplacement() {
    Compilation c = compile("law a { for b: Ball then b.vy := b.vyy }");
    Diagnostic d = c.diagnostics().get(0);
    assertEquals(Codes.UNKNOWN_ATTRIBUTE, d.code());
    assertEquals("vy", d.replacement());
    assertEquals("did you mean `vy`?", d.hint());
    assertEquals(c.laws().get(0).source().text().indexOf("vyy"), d.span().start());
  }

  @Test
  void holesAreAllowedOnlyInCandidateMode() {
    String law = "law h { on contact(b: Ball, w: Wall, side: ?) then b.vy := ? }";
    assertEquals(List.of(Codes.HOLE_NOT_ALLOWED, Codes.HOLE_NOT_ALLOWED), codes(compile(law)));
    Compilation world = compile("");
    Compilation candidates = NomosCompiler.checkCandidates(world, law + "\nlaw ok { for b: Ball then b.vx := b.vx }",
        "llm-1");
    assertFalse(candidates.hasErrors(), () -> DiagnosticRenderer.render(candidates.diagnostics()));
    CheckedLaw h = candidates.laws().get(0);
    assertEquals(List.of(Hole.Kind.SIDE, Hole.Kind.INT), h.holes().stream().map(Hole::kind).toList());
    assertEquals("?", h.source().text().substring(h.holes().get(0).span().start(), h.holes().get(0).span().end()));
    assertNull(h.plan());
    assertNotNull(candidates.laws().get(1).plan());
    assertEquals("llm-1", h.source().name());
  }

  @Test
  void candidatesMayNotDeclareWorldsOrUseFiles() {
    Compilation world = compile("");
    Compilation c = NomosCompiler.checkCandidates(world.schema(),
        "use \"w.law\"\nworld X { screen 1 x 1 velocity 0..0 actions A }\nlaw a { for b: Ball then b.vx := 99 }", "c");
    assertEquals(List.of(Codes.BAD_USE, Codes.WORLD_COUNT, Codes.LITERAL_OUT_OF_RANGE), codes(c));
  }

  @Test
  void useResolvesRelativeToTheUsingFileAndToleratesCycles() {
    Map<String, String> files = Map.of(
        "games/pong/world.law", "use \"../pong/./world.law\"\n" + LoweringTest.WORLD,
        "games/pong/laws.law", "use \"world.law\"\nlaw a { for b: Ball then b.vx := b.vx }");
    SourceResolver resolver = SourceResolver.inMemory(files);
    Compilation c = NomosCompiler.compile(List.of(new SourceFile("games/pong/laws.law", files.get("games/pong/laws.law"))),
        resolver);
    assertFalse(c.hasErrors(), () -> DiagnosticRenderer.render(c.diagnostics()));
    assertEquals(2, c.units().size());
    assertEquals("Arena", c.schema().name());
    assertEquals(1, c.plans().size());
  }

  @Test
  void unreadableUseIsN004AtTheUse() {
    Compilation c = NomosCompiler.compile(List.of(new SourceFile("a.law", "use \"gone.law\"\n")), SourceResolver.none());
    Diagnostic d = c.diagnostics().get(0);
    assertEquals(Codes.UNREADABLE_FILE, d.code());
    assertEquals(1, d.line());
    assertEquals("a.law", d.file());
  }

  @Test
  void unreadableFileOnDiskIsN004() {
    Compilation c = NomosCompiler.compile(List.of(java.nio.file.Path.of("no/such/file.law")));
    assertEquals(List.of(Codes.UNREADABLE_FILE), codes(c));
    assertTrue(c.diagnostics().get(0).message().contains("no/such/file.law"));
  }

  @Test
  void bindingLimitCountsBinderObjectsOnly() {
    assertFalse(compile("""
        law ok {
          for a: Ball, b: Ball, p: Player
          when exists w: Wall where touching(a, w) and exists d: Door where touching(b, d)
          then p.vx := a.vx + b.vx
        }""").hasErrors());
    assertEquals(List.of(Codes.TOO_MANY_BINDINGS),
        codes(compile("law x { for a: Ball, b: Ball, c: Ball, d: Ball then a.vx := b.vx + c.vx + d.vx }")));
  }

  @Test
  void historyStepsMayBeBoundedExpressionsOfStepVariables() {
    assertFalse(compile("law a { for p: Player when all k in 1..8: p.y@-(2 * k) == p.y then p.vy := 0 }").hasErrors());
    assertEquals(List.of(Codes.HISTORY_TOO_DEEP),
        codes(compile("law a { for p: Player when all k in 1..9: p.y@-(2 * k) == p.y then p.vy := 0 }")));
  }

  @Test
  void symbolsResolveByExpectedTypeOnEitherSide() {
    assertFalse(compile("""
        law a { for d: Door, b: Ball when locked == d.state and TOP == side(b, d) and UP == action then d.state := open }
        """).hasErrors());
  }

  @Test
  void objectsCompareByIdentity() {
    Compilation c = compile("law a { for a: Ball, b: Ball when a != b and a == b then a.vx := 0 }");
    assertFalse(c.hasErrors(), () -> DiagnosticRenderer.render(c.diagnostics()));
    assertEquals(List.of(Codes.TYPE_MISMATCH), codes(compile("law a { for a: Ball when a == 1 then a.vx := 0 }")));
  }

  @Test
  void noWarningForSatisfiableGuards() {
    Compilation c = compile("law a { for b: Ball when b.x > 3 and b.x < 5 and b.y > 100 then b.vx := 0 }");
    assertTrue(c.diagnostics().isEmpty(), () -> DiagnosticRenderer.render(c.diagnostics()));
  }

  @Test
  void warningsDoNotStopThePlan() {
    Compilation c = compile("law a { for b: Ball, p: Player then b.vx := 0 }");
    assertEquals(List.of(Codes.UNUSED_BINDING), codes(c));
    assertFalse(c.hasErrors());
    assertNotNull(c.laws().get(0).plan());
  }

  @Test
  void lawMetadataIsKept() {
    Compilation c = compile("/// Keeps going.\nlaw inertia weight 2.5 { for b: Ball then b.vx := b.vx }");
    CheckedLaw l = c.laws().get(0);
    assertEquals("inertia", l.name());
    assertEquals("Keeps going.", l.doc());
    assertEquals(2.5, l.weight());
    assertEquals("inertia", l.decl().name().text());
    assertEquals(l, c.law("inertia").orElseThrow());
  }

  @Test
  void checkLawLowersAnAstDirectly() {
    Compilation world = compile("law a { for b: Ball then b.vx := 3 }");
    CheckedLaw a = world.laws().get(0);
    Compilation again = NomosCompiler.checkLaw(world.schema(), a.source(), a.decl(),
        dev.nomos.compiler.CompilerOptions.DEFAULT);
    assertEquals(PlanText.of(a.plan()), PlanText.of(again.laws().get(0).plan()));
  }

  @Test
  void worldItemsAreCheckedOneByOne() {
    Compilation c = NomosCompiler.compile(List.of(new SourceFile("w.law", """
        world W {
          screen 0 x 10
          screen 5 x 5
          velocity -1..1
          contact_gap -2
          actions A, B
          entity E { x: int, s: {up, down, up}, n: int 0..5 }
        }
        law a { for e: E then e.n := 6  e.s := up }
        """)), SourceResolver.none());
    assertEquals(List.of(Codes.BAD_WORLD_ITEM, Codes.DUPLICATE_DECLARATION, Codes.BAD_WORLD_ITEM,
        Codes.DUPLICATE_DECLARATION, Codes.DUPLICATE_DECLARATION, Codes.LITERAL_OUT_OF_RANGE), codes(c));
    // The schema is still built, with neutral stand-ins, so the law was checked against it.
    assertEquals(List.of("up", "down"), c.schema().type("E").extras().get(0).symbols());
    assertEquals(WorldSchema.DEFAULT_CONTACT_GAP, c.schema().contactGap());
  }

  @Test
  void slipsFromOtherLanguagesGetHintsAndNoCascade() {
    assertSyntaxHint("law a { for b: Ball then b.vy = 0 }", "effects assign with `:=`");
    assertSyntaxHint("law a { for b: Ball when b.x > 1 || b.y > 1 then b.vy := 0 }", "write `or`");
    assertSyntaxHint("law a { for b in Ball then b.vy := 0 }", "bind objects with a colon");
    assertSyntaxHint("law a { for b: Ball when action in [UP] then b.vy := 0 }", "sets are written with braces");
    assertEquals("did you mean `true`?", compile("law a { for b: Ball when True then b.vy := 0 }").diagnostics().get(0).hint());
    assertSyntaxHint("law a { for b: Ball when action == \"UP\" then b.vy := 0 }", "symbols and actions are bare names");
    Compilation aliases = compile("law a { for b: Ball when b.velocity_y > 0 then b.dx := 1 }");
    assertEquals(List.of("vy", "vx"), aliases.diagnostics().stream().map(Diagnostic::replacement).toList());
    assertEquals("sign", compile("law a { for b: Ball then b.vx := sgn(b.vx) }").diagnostics().get(0).replacement());
  }

  private static void assertSyntaxHint(String law, String hintStart) {
    Compilation c = compile(law);
    // Only the syntax error: the law rebuilt by error recovery is not checked any further.
    assertEquals(List.of(Codes.SYNTAX), codes(c), () -> DiagnosticRenderer.render(c.diagnostics()));
    assertTrue(c.diagnostics().get(0).hint().startsWith(hintStart), c.diagnostics().get(0).hint());
  }
}
