package dev.nomos.lsp;

import static dev.nomos.lsp.Fixture.get;
import static dev.nomos.lsp.Fixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.jar.ModelJarWriter;
import dev.nomos.lsp.internal.FittedWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoverTest {
  @TempDir Path dir;
  Fixture fx;

  @BeforeEach
  void world() throws Exception {
    fx = new Fixture(dir);
    fx.write("pong_world.law", Fixture.sample("pong_world.law"));
  }

  private String hover(String textWithCursor) throws Exception {
    String uri = fx.open("laws.law", "use \"pong_world.law\"\n" + textWithCursor);
    Hover h = get(fx.docs().hover(new HoverParams(id(uri), fx.cursor)));
    return h == null ? null : h.getContents().getRight().getValue();
  }

  @Test
  void theWordsOfACreationsProbabilityExplainThemselves() throws Exception {
    String h = hover("law l { for b: Ball then spawn Block at (b.x, b.y) with prob|ability fitted }");
    assertTrue(h.contains("independent causes"), h);
    assertTrue(hover("law l { for b: Ball then spawn Block at (b.x, b.y) with probability fit|ted }").contains("nomos fit"));
    assertTrue(hover("law l { for b: Ball then sp|awn Block at (b.x, b.y) }").contains("one_of"));
  }

  @Test
  void boundVariableShowsItsTypeAndTheEntityDocs() throws Exception {
    String h = hover("law l { for b: Ball then |b.vy := 0 }");
    assertTrue(h.contains("b: Ball"), h);
    assertTrue(h.contains("The ball."), h);
  }

  @Test
  void attributesShowOwnerAndType() throws Exception {
    assertTrue(hover("law l { for b: Ball then b.|vy := 0 }").contains("Ball.vy: int"));
    assertTrue(hover("law l { for b: Ball then b.vy := b.|cx }").contains("x + w / 2"));
    assertTrue(hover("law l { for k: Block then k.points := k.po|ints }").contains("Block.points: int 0..100"));
    assertTrue(hover("law l { for k: Block when k.|state == open then k.x := 1 }").contains("{open, closed, locked}"));
  }

  @Test
  void theWorldsTargetsShowTheirTypeAndMeaning() throws Exception {
    String reward = hover("law l { for b: Ball then rew|ard := 1 }");
    assertTrue(reward.contains("reward: int"), reward);
    assertTrue(reward.contains("what the action at t earns"), reward);
    String end = hover("law l { for b: Ball then |end := b.y > 3 }");
    assertTrue(end.contains("end: bool"), end);
  }

  @Test
  void entitiesShowTheirDeclarationAndDocs() throws Exception {
    String h = hover("law l { for k: Bl|ock then k.x := 1 }");
    assertTrue(h.contains("entity Block { points: int 0..100, broken: bool, state: {open, closed, locked} }"), h);
    assertTrue(h.contains("A breakable block."), h);
  }

  @Test
  void stdlibFunctionsShowSignatureAndDoc() throws Exception {
    String h = hover("law l { for b: Ball then b.vy := cl|amp(b.vy, -1, 1) }");
    assertTrue(h.contains("clamp(v: int, lo: int, hi: int) -> int"), h);
    assertTrue(h.contains("limited to lo..hi"), h);
  }

  @Test
  void symbolsAndActions() throws Exception {
    assertTrue(hover("law l { for k: Block when k.state == lo|cked then k.x := 1 }").contains("locked: Block.state"));
    assertTrue(hover("law l { for p: Player when action == FI|RE then p.x := 1 }").contains("action FIRE"));
  }

  @Test
  void lawDocsAndWrittenWeight() throws Exception {
    String h = hover("/// Keeps moving.\nlaw in|ertia weight 1.5 { for b: Ball then b.vy := b.vy }");
    assertTrue(h.contains("law inertia weight 1.5"), h);
    assertTrue(h.contains("Keeps moving."), h);
    assertFalse(h.contains("Fitted weight"), h);
  }

  @Test
  void fittedWeightFromAFittedFileBesideIt() throws Exception {
    fx.write("laws.fitted.law", "use \"pong_world.law\"\nlaw inertia weight 3.25 { for b: Ball then b.vy := b.vy }\n");
    String h = hover("law in|ertia { for b: Ball then b.vy := b.vy }");
    assertTrue(h.contains("Fitted weight: **3.250** (laws.fitted.law)"), h);
  }

  @Test
  void fittedWeightsAsInlayHintsAfterLawNames() throws Exception {
    fx.write("laws.fitted.law", "use \"pong_world.law\"\nlaw a weight 3.25 { for b: Ball then b.vy := b.vy }\n"
        + "law b weight 1.5 { for b: Ball then b.vx := b.vx }\n");
    String uri = fx.open("laws.law", "use \"pong_world.law\"\nlaw a { for b: Ball then b.vy := b.vy }\n"
        + "law b weight 1.5 { for b: Ball then b.vx := b.vx }\nlaw c { for b: Ball then b.vx := 0 }\n");
    var hints = get(fx.docs().inlayHint(new org.eclipse.lsp4j.InlayHintParams(id(uri),
        new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(0, 0), new org.eclipse.lsp4j.Position(10, 0)))));
    assertEquals(1, hints.size(), "b already carries its fitted weight; c has none: " + hints);
    assertEquals("fitted 3.25", hints.get(0).getLabel().getLeft());
    assertEquals(new org.eclipse.lsp4j.Position(1, 5), hints.get(0).getPosition());
  }

  @Test
  void fittedWeightFromAModelJarBesideIt() throws Exception {
    String laws = "use \"pong_world.law\"\nlaw inertia { for b: Ball then b.vy := b.vy }\n";
    Path lawsFile = dir.resolve("fitted_model.law");
    Files.writeString(lawsFile, laws);
    Compilation c = NomosCompiler.compile(List.of(lawsFile));
    assertFalse(c.hasErrors(), c.diagnostics().toString());
    ModelJarWriter.forWorld(c.schema()).law(c.plans().get(0), 0.75).write(dir.resolve("model.jar"));
    Files.delete(lawsFile);
    String h = hover("law in|ertia { for b: Ball then b.vy := b.vy }");
    assertTrue(h.contains("Fitted weight: **0.7500** (model.jar)"), h);
  }

  @Test
  void modelJsonShapes() {
    assertEquals(Map.of("a", 1.5), FittedWeights.fromModelJson(JsonParser.parseString(
        "{\"laws\": [{\"name\": \"a\", \"class\": \"nomos/model/A\", \"weight\": 1.5}]}")));
    assertEquals(Map.of("a", 2.0, "b", 3.0), FittedWeights.fromModelJson(JsonParser.parseString(
        "{\"laws\": {\"a\": {\"weight\": 2}}, \"weights\": {\"b\": 3, \"c\": \"x\"}}")));
    assertEquals(Map.of(), FittedWeights.fromModelJson(JsonParser.parseString("[1, 2]")));
  }

  @Test
  void nothingOnPunctuation() throws Exception {
    assertNull(hover("law l { for b: Ball then b.vy :|= 0 }"));
  }

  @Test
  void keywordsExplainThemselves() throws Exception {
    assertTrue(hover("law l { for p: Player when ac|tion == UP then p.vy := 1 }")
        .contains("One of NOOP, FIRE, UP, DOWN, UPFIRE, DOWNFIRE."));
    assertTrue(hover("law l { for b: Ball when not ex|ists o: Wall where touching(b, o) then b.vy := 1 }")
        .contains("exists o: T where cond"));
  }

  @Test
  void jointChoiceWordsExplainThemselves() throws Exception {
    assertTrue(hover("law l { for b: Ball then cho|ose { stay | b.vx := 1 } }").contains("several targets of one object"));
    assertTrue(hover("law l { for b: Ball then choose { st|ay | b.vx := 1 } }").contains("keeps its value at t"));
  }

  @Test
  void timeFormsExplainThemselves() throws Exception {
    assertTrue(hover("law l { for b: Ball when st|ep % 16 == 0 then b.vy := 0 }").contains("step index"));
    assertTrue(hover("law l { for b: Ball when a|ge(b) > 5 then destroy b }").contains("age(o: Object) -> int"));
    String side = hover("law l { for b: Ball, w: Wall when si|de(b, w)@-1 == TOP then b.vy := 1 }");
    assertTrue(side.contains("where one of its objects was not there: NONE"), side);
    assertTrue(hover("law l { for b: Ball when pre|sent(b)@-2 then destroy b }").contains("present(o: Object) -> bool"));
    String seq = hover("law l { for b: Ball then b.vy := se|q(-3, 0) after action == UP }");
    assertTrue(seq.contains("after cond"), seq);
    assertTrue(hover("law l { for b: Ball then b.vy := seq(-3, 0) af|ter action == UP }").contains("most recent"));
    // Names inside a trigger and under a call read at an earlier frame resolve as anywhere else.
    assertTrue(hover("law l { for b: Ball, w: Wall then b.vy := seq(-3, 0) after touching(b, |w)@-1 }")
        .contains("w: Wall"));
  }

  @Test
  void hoverRangeIsTheName() throws Exception {
    String uri = fx.open("laws.law", "use \"pong_world.law\"\nlaw l { for b: Ball then b.v|y := 0 }");
    Hover h = get(fx.docs().hover(new HoverParams(id(uri), fx.cursor)));
    assertEquals(1, h.getRange().getStart().getLine());
    assertEquals(h.getRange().getStart().getCharacter() + 2, h.getRange().getEnd().getCharacter());
  }

  @Test
  void hoverInALawThatDoesNotParseYet() throws Exception {
    assertTrue(hover("law l { for b: Ball then b.vy := b.|vx +").contains("Ball.vx: int"));
    assertTrue(hover("law l { for k: Block then k.points := |k.points +").contains("k: Block"));
    assertTrue(hover("law l { for k: Bl|ock then k.points := ").contains("A breakable block."));
    assertTrue(hover("law l { for b: Ball then b.vy := cl|amp(").contains("clamp(v: int"));
  }
}
