package dev.nomos.compiler.meaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.check.Hole;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.meaning.Declaration.Kind;
import dev.nomos.compiler.source.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker's resolution, as the compilation carries it: names to declarations, expressions to types. */
class MeaningTest {
  static final String MODEL = """
      world Doors {
        screen 100 x 100
        velocity -2..2
        actions UP, DOWN
        enum Color { red, blue }
        /// A ball.
        entity Ball { tint: Color }
        entity Door { state: {open, shut}, hue: Color }
        entity Wall
      }
      def near(b: Ball, d: Door, k: int) = b.x + k >= d.x
      law opens weight 2 {
        for b: Ball, d: Door
        when near(b, d, 1) and d.state == shut and action == UP and touching(b, d)
        then d.state := open
      }
      law tints {
        on contact(b: Ball, d: Door, side: TOP)
        when b.tint == d.hue
        then b.vy := -b.vy
      }
      law stays for T in {Ball, Wall} {
        for o: T
        when count(T) > 0 and all k in 1..2: o.x@-k == o.x
        then o.x := o.x
      }
      """;

  static final SourceFile SOURCE = new SourceFile("doors.law", MODEL);
  static final Compilation C = NomosCompiler.compile(List.of(SOURCE), SourceResolver.inMemory(Map.of()));
  static final Meaning M = C.meaning();

  static Reference at(String text, int occurrence) {
    int offset = -1;
    for (int i = 0; i <= occurrence; i++) {
      offset = MODEL.indexOf(text, offset + 1);
    }
    return M.referenceAt(SOURCE, offset).orElseThrow(() -> new AssertionError("nothing resolved at " + text));
  }

  @Test
  void theModelChecks() {
    assertFalse(C.hasErrors(), () -> DiagnosticRenderer.render(C.diagnostics()));
  }

  @Test
  void aBinderUseResolvesToItsBinding() {
    Reference use = at("d.state == shut", 0);
    assertEquals(Kind.BINDER, use.target().kind());
    assertEquals("Door", use.target().detail());
    Reference declared = M.declarationOf(use.target().key()).orElseThrow();
    assertEquals(MODEL.indexOf("d: Door\n  when near"), declared.span().start());
    assertTrue(declared.declaration());
  }

  @Test
  void attributesResolveToTheWorldOrTheLanguage() {
    Reference state = at("state == shut", 0);
    assertEquals(Kind.ATTRIBUTE, state.target().kind());
    assertEquals("Door", state.target().owner());
    assertEquals("{open, shut}", state.target().detail());
    assertEquals(MODEL.indexOf("state: {open"), state.target().span().start());
    assertEquals("Door", state.receiver());
    Reference vy = at("vy := -b.vy", 0);
    assertTrue(vy.target().builtIn());
    assertEquals(Declaration.BUILT_IN, vy.target().owner());
    assertEquals(LanguageDescriptor.get().attribute("vy").orElseThrow().doc(), vy.target().doc());
    assertEquals("Ball", vy.receiver());
  }

  @Test
  void symbolsResolveByTheExpectedSet() {
    assertEquals("Door.state", at("shut and", 0).target().owner());
    assertEquals(Kind.SYMBOL, at("open\n}", 0).target().kind());
    Reference up = at("UP and", 0);
    assertEquals(Kind.ACTION, up.target().kind());
    assertEquals(MODEL.indexOf("UP, DOWN"), up.target().span().start());
    Reference top = at("TOP)", 0);
    assertEquals("Side", top.target().owner());
    assertTrue(top.target().builtIn());
  }

  @Test
  void callsResolveToTheStdlibTheFormsAndDefinitions() {
    Reference touching = at("touching(b, d)", 0);
    assertEquals(Kind.FUNCTION, touching.target().kind());
    assertEquals(LanguageDescriptor.get().function("touching").orElseThrow().signature(), touching.target().detail());
    assertEquals(Kind.FORM, at("contact(", 0).target().kind());
    Reference near = at("near(b, d, 1)", 0);
    assertEquals(Kind.DEFINITION, near.target().kind());
    assertEquals(MODEL.indexOf("near(b: Ball"), near.target().span().start());
    assertEquals(Kind.KEYWORD, at("def near", 0).target().kind());
  }

  @Test
  void aDefinitionsBodyResolvesToItsParametersOnce() {
    Reference k = at("k >= d.x", 0);
    assertEquals(Kind.VALUE_PARAMETER, k.target().kind());
    Reference b = at("b.x + k", 0);
    assertEquals(MODEL.indexOf("b: Ball, d: Door, k"), b.target().span().start());
    long inBody = M.references().stream().filter(r -> r.span().start() == b.span().start()).count();
    assertEquals(1, inBody, "the body is recorded at its declaration, not again at each use");
  }

  @Test
  void aLawWithCasesResolvesItsParameter() {
    Reference t = at("T\n  when count", 0);
    assertEquals(Kind.CASE_PARAMETER, t.target().kind());
    assertEquals(MODEL.indexOf("T in {"), t.target().span().start());
    assertEquals(Kind.CASE_PARAMETER, at("T) > 0", 0).target().kind());
    assertEquals(Kind.ENTITY, at("Wall}", 0).target().kind());
    assertEquals(Kind.STEP, at("k == o.x", 0).target().kind());
  }

  @Test
  void worldNamesAreDeclared() {
    assertEquals(List.of("Ball", "Door", "Wall"), M.declarations(Kind.ENTITY).stream().map(Declaration::name).toList());
    assertEquals("A ball.", M.declaration(Kind.ENTITY, "", "Ball").orElseThrow().doc());
    assertEquals(List.of("tint"), M.attributesOf("Ball").stream().map(Declaration::name).toList());
    assertEquals(List.of("red", "blue"), M.symbolsOf("Color").stream().map(Declaration::name).toList());
    Reference color = at("Color }", 0);
    assertEquals(Kind.SYMBOL_TYPE, color.target().kind());
    assertEquals("2", M.declaration(Kind.LAW, "", "opens").orElseThrow().detail());
  }

  @Test
  void everyReferenceOfADeclarationIsFound() {
    Declaration door = M.declaration(Kind.ENTITY, "", "Door").orElseThrow();
    List<Reference> uses = M.referencesTo(door.key());
    assertEquals(4, uses.size(), uses.toString()); // the declaration, the def's parameter, two binders
  }

  @Test
  void expressionsHaveTheirTypes() {
    int guard = MODEL.indexOf("near(b, d, 1) and");
    assertEquals(ExprType.Kind.BOOL, M.typeAt(SOURCE, guard + "near(b, d, 1) a".length()).orElseThrow().kind());
    ExprType state = M.typeAt(SOURCE, MODEL.indexOf("d.state == shut") + 2).orElseThrow();
    assertEquals(ExprType.Kind.SYMBOL, state.kind());
    assertEquals("Door.state", state.name());
    ExprType ball = M.typeAt(SOURCE, MODEL.indexOf("b.tint ==")).orElseThrow();
    assertEquals(ExprType.Kind.SYMBOL, ball.kind());
    assertEquals("Color", ball.name());
  }

  @Test
  void unknownNamesResolveToNothing() {
    SourceFile bad = new SourceFile("bad.law", MODEL + "law broken { for b: Ball then b.vx := nothing }\n");
    Compilation c = NomosCompiler.compile(List.of(bad), SourceResolver.inMemory(Map.of()));
    assertTrue(c.hasErrors());
    int at = bad.text().indexOf("nothing");
    assertTrue(c.meaning().referenceAt(bad, at).isEmpty());
    assertNull(c.meaning().typeAt(bad, at).filter(t -> t.span().start() == at).orElse(null));
  }

  @Test
  void holesComeFromTheChecker() {
    Compilation c = NomosCompiler.checkCandidates(C.schema(),
        "law h { on contact(b: Ball, w: Wall, side: ?) then b.vy := ? }", "candidates");
    assertEquals(List.of(Hole.Kind.SIDE, Hole.Kind.INT), c.holes().stream().map(Hole::kind).toList());
    assertEquals("?", c.units().get(0).source().text().substring(c.holes().get(1).span().start(),
        c.holes().get(1).span().end()));
  }
}
