package dev.nomos.lsp;

import static dev.nomos.lsp.Fixture.get;
import static dev.nomos.lsp.Fixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionParams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionTest {
  @TempDir Path dir;
  Fixture fx;

  @BeforeEach
  void world() throws Exception {
    fx = new Fixture(dir);
    fx.write("pong_world.law", Fixture.sample("pong_world.law"));
  }

  private Map<String, CompletionItem> complete(String textWithCursor) throws Exception {
    String uri = fx.open("laws.law", "use \"pong_world.law\"\n" + textWithCursor);
    List<CompletionItem> items = get(fx.docs().completion(new CompletionParams(id(uri), fx.cursor))).getLeft();
    return items.stream().collect(Collectors.toMap(CompletionItem::getLabel, i -> i, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  @Test
  void attributesAfterDotFollowTheBoundType() throws Exception {
    Map<String, CompletionItem> items = complete("law l { for k: Block then k.| }");
    for (String builtin : List.of("x", "y", "w", "h", "vx", "vy", "left", "right", "top", "bottom", "cx", "cy", "alive")) {
      assertTrue(items.containsKey(builtin), builtin);
    }
    assertEquals("int 0..100", items.get("points").getDetail());
    assertEquals("{open, closed, locked}", items.get("state").getDetail());
    assertFalse(items.containsKey("law"), "no keywords after a dot");

    Map<String, CompletionItem> player = complete("law l { for p: Player then p.| }");
    assertTrue(player.containsKey("vy"));
    assertFalse(player.containsKey("points"), "Player declares no points");
  }

  @Test
  void attributesInAHalfTypedLawThatDoesNotParse() throws Exception {
    Map<String, CompletionItem> items = complete("law l {\n  on contact(b: Ball, k: Block)\n  when k.|");
    assertTrue(items.containsKey("broken"));
    assertTrue(items.containsKey("cy"));
  }

  @Test
  void jointChoiceWordsAreOfferedInALaw() throws Exception {
    Map<String, CompletionItem> items = complete("law l { for b: Ball then ch| }");
    assertTrue(items.containsKey("choose"));
    assertTrue(items.containsKey("stay"));
  }

  @Test
  void theWorldsTargetsAreOfferedInALawButNotAfterADot() throws Exception {
    Map<String, CompletionItem> effect = complete("law l { for b: Ball then | }");
    assertTrue(effect.containsKey("reward"), effect.keySet().toString());
    assertTrue(effect.containsKey("end"), effect.keySet().toString());
    assertTrue(effect.get("reward").getDetail().contains("int"), effect.get("reward").getDetail());
    Map<String, CompletionItem> afterDot = complete("law l { for b: Ball then b.| }");
    assertFalse(afterDot.containsKey("reward"), afterDot.keySet().toString());
  }

  @Test
  void entityTypesAfterABindingColon() throws Exception {
    Map<String, CompletionItem> items = complete("law l { for b: | }");
    assertTrue(items.keySet().containsAll(List.of("Player", "Enemy", "Ball", "Wall", "Block", "Object")));
    assertEquals(CompletionItemKind.Class, items.get("Ball").getKind());
    assertFalse(items.containsKey("when"));
  }

  @Test
  void sidesAfterSideOption() throws Exception {
    Map<String, CompletionItem> items = complete("law l { on contact(b: Ball, w: Wall, side: | ) then b.vy := 0 }");
    assertTrue(items.keySet().containsAll(List.of("TOP", "BOTTOM", "LEFT", "RIGHT")));
    assertFalse(items.containsKey("Ball"));
  }

  @Test
  void actionsAfterComparisonWithAction() throws Exception {
    Map<String, CompletionItem> items = complete("law l { for p: Player when action in {UP, | } then p.vy := 1 }");
    assertTrue(items.keySet().containsAll(List.of("NOOP", "FIRE", "UP", "DOWN", "UPFIRE", "DOWNFIRE")));
    assertFalse(items.containsKey("open"));
    assertEquals(CompletionItemKind.EnumMember, items.get("FIRE").getKind());
  }

  @Test
  void symbolsOfASymbolValuedAttribute() throws Exception {
    Map<String, CompletionItem> items = complete("law l { for k: Block when k.state == | then k.x := 1 }");
    assertEquals(List.of("open", "closed", "locked"), List.copyOf(items.keySet()));
  }

  @Test
  void aCreationsProbabilityIsOfferedWordByWord() throws Exception {
    assertTrue(complete("law l { for b: Ball then spawn Block at (b.x, b.y) with | }").containsKey("probability"));
    Map<String, CompletionItem> after = complete("law l { for b: Ball then spawn Block at (b.x, b.y) with probability | }");
    assertTrue(after.containsKey("fitted"), after.keySet().toString());
    assertTrue(complete("law l { for b: Ball then | }").containsKey("with"));
  }

  @Test
  void timeFormsAreOffered() throws Exception {
    Map<String, CompletionItem> guard = complete("law l { for b: Ball when | then b.vy := 0 }");
    assertEquals(CompletionItemKind.Keyword, guard.get("step").getKind());
    assertEquals("age(o: Object) -> int", guard.get("age").getDetail());
    assertEquals("present(o: Object) -> bool", guard.get("present").getDetail());
    Map<String, CompletionItem> effect = complete("law l { for b: Ball then b.vy := | }");
    assertEquals(CompletionItemKind.Keyword, effect.get("seq").getKind());
    assertEquals(CompletionItemKind.Keyword, effect.get("after").getKind());
  }

  @Test
  void keywordsBindersAndStdlibInAGuard() throws Exception {
    Map<String, CompletionItem> items = complete(
        "law l { on contact(b: Ball, w: Wall) when all k in 1..3: | then b.vy := 0 }");
    assertEquals(CompletionItemKind.Keyword, items.get("exists").getKind());
    assertEquals("b: Ball", items.get("b").getDetail());
    assertEquals("w: Wall", items.get("w").getDetail());
    assertEquals("k: history step", items.get("k").getDetail());
    assertEquals("touching(a: Object, b: Object) -> bool", items.get("touching").getDetail());
    assertTrue(items.get("clamp").getInsertText().startsWith("clamp(${1:v}"));
    assertTrue(items.get("touching").getDocumentation().getRight().getValue().contains("contact gap"));
    assertFalse(items.containsKey("side") && items.get("side").getKind() != CompletionItemKind.Function);
    assertTrue(items.get("b").getSortText().compareTo(items.get("touching").getSortText()) < 0, "variables first");
    assertTrue(items.get("touching").getSortText().compareTo(items.get("exists").getSortText()) < 0,
        "then functions, then keywords");
  }

  /**
   * In a law that parses, the variables are the checker's: a quantifier's variable is offered in
   * its condition and not after the quantifier closes, where a scan of the tokens before the cursor
   * would still offer it.
   */
  @Test
  void inALawThatParsesTheVariablesAreThoseTheCheckerScoped() throws Exception {
    String law = "law l {\n  for b: Ball\n  when exists u: Wall where u.x == %s.x and all k in 1..2: b.x@-k == b.x\n"
        + "  then b.vx := 0\n       b.vy := %s.vy\n}";
    Map<String, CompletionItem> inside = complete(String.format(law, "b|", "b"));
    assertTrue(inside.containsKey("u"), inside.keySet().toString());
    assertEquals("u: Wall", inside.get("u").getDetail());
    assertFalse(inside.containsKey("k"), "the step variable's aggregate comes later");
    Map<String, CompletionItem> after = complete(String.format(law, "b", "b|"));
    assertTrue(after.containsKey("b"), after.keySet().toString());
    assertFalse(after.containsKey("u"), "the exists has closed");
    assertFalse(after.containsKey("k"), "the aggregate has closed");
    Map<String, CompletionItem> closed = complete("law a { for b: Ball then b.vy := 0 }|");
    assertTrue(closed.containsKey("law"), "right after the closing brace the cursor is outside: " + closed.keySet());
    assertFalse(closed.containsKey("b"), closed.keySet().toString());
  }

  @Test
  void attributesAfterADotOnlyForAVariableTheCheckerHasInScope() throws Exception {
    String law = "law l { for b: Block when exists u: Block where u.points > 0 then b.points := %s }";
    Map<String, CompletionItem> inScope = complete(String.format(law, "b.po|ints"));
    assertTrue(inScope.containsKey("points"), inScope.keySet().toString());
    // `u.points` parses after `then`, but u is out of scope there: the checker resolves nothing.
    Map<String, CompletionItem> outOfScope = complete(String.format(law, "u.po|ints"));
    assertFalse(outOfScope.containsKey("points"), outOfScope.keySet().toString());
    assertFalse(outOfScope.containsKey("x"), outOfScope.keySet().toString());
  }

  @Test
  void aDefinitionsBodyOffersItsParametersAndExpressionsNotLawWords() throws Exception {
    Map<String, CompletionItem> items = complete("def above(b: Ball, k: int) = b.y < k|\n");
    assertEquals("b: Ball", items.get("b").getDetail());
    assertEquals("k: int", items.get("k").getDetail());
    assertTrue(items.containsKey("touching"));
    assertTrue(items.containsKey("exists"));
    assertFalse(items.containsKey("law"), "no top-level words inside a definition");
    assertFalse(items.containsKey("destroy"), "no effects in a definition");
  }

  @Test
  void aLawThatDoesNotParseFallsBackToItsTokensWhileTheOthersKeepTheCheckersScopes() throws Exception {
    String broken = "law typing {\n  for w: Wall\n  when w.|\n";
    String parsed = "law fine {\n  for b: Ball\n  when exists u: Wall where u.x == b.x\n  then b.vx := %s\n}\n";
    Map<String, CompletionItem> fallback = complete(String.format(parsed, "0") + broken);
    assertTrue(fallback.containsKey("cy"), "attributes of w, read from the tokens: " + fallback.keySet());
    Map<String, CompletionItem> checked = complete(String.format(parsed, "b|") + broken.replace("|", ""));
    assertTrue(checked.containsKey("b"), checked.keySet().toString());
    assertFalse(checked.containsKey("u"), "the law that parses is scoped by the checker: " + checked.keySet());
    assertFalse(checked.containsKey("w"), checked.keySet().toString());
  }

  @Test
  void worldKeywordsInsideAWorldAndTopLevelKeywordsOutside() throws Exception {
    Map<String, CompletionItem> inWorld = complete("world W {\n  |\n}");
    assertTrue(inWorld.keySet().containsAll(List.of("screen", "velocity", "actions", "entity", "contact_gap")));
    assertFalse(inWorld.containsKey("when"));
    Map<String, CompletionItem> top = complete("law a { for b: Ball then b.vy := 0 }\n|");
    assertTrue(top.keySet().containsAll(List.of("law", "world", "use")));
    assertFalse(top.containsKey("b"));
  }

  @Test
  void typesAfterSpawnAndVariablesAfterDestroy() throws Exception {
    Map<String, CompletionItem> spawn = complete("law l { for p: Player then spawn | }");
    assertTrue(spawn.containsKey("Ball"));
    assertFalse(spawn.containsKey("Object"), "objects of type Object cannot be spawned");
    Map<String, CompletionItem> destroy = complete("law l { on contact(b: Ball, k: Block) then destroy | }");
    assertEquals(List.of("b", "k"), List.copyOf(destroy.keySet()));
  }

  @Test
  void filesBesideAfterUse() throws Exception {
    fx.write("other.law", "law x { for b: Ball then b.vy := 0 }");
    String uri = fx.open("laws.law", "use \"po|\"\n");
    List<String> labels = get(fx.docs().completion(new CompletionParams(id(uri), fx.cursor))).getLeft().stream()
        .map(CompletionItem::getLabel).toList();
    assertEquals(List.of("other.law", "pong_world.law"), labels);
  }

  @Test
  void lawNamesOfNeighbouringFilesAfterLaw() throws Exception {
    fx.write("reference.law", "use \"pong_world.law\"\n/// Keeps moving.\nlaw inertia { for b: Ball then b.vy := b.vy }\n"
        + "law bounce { for b: Ball then b.vy := -b.vy }\n");
    Map<String, CompletionItem> items = complete("law bounce { for b: Ball then b.vy := 0 }\nlaw |");
    assertEquals(List.of("inertia"), List.copyOf(items.keySet()), "bounce is already declared here");
    assertEquals("law in reference.law", items.get("inertia").getDetail());
  }
}
