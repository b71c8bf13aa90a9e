package dev.nomos.lsp;

import static dev.nomos.lsp.Fixture.get;
import static dev.nomos.lsp.Fixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.lsp.internal.Texts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Definitions (`def`) and shared symbol types (`enum`) in the editor: hover, go-to-definition, completion. */
class DefinitionsLspTest {
  private static final String WORLD = """
      world Doors {
        screen 5 x 5
        velocity -1..1
        actions LEFT, TOGGLE
        enum Color { red, green }
        entity key { color: Color }
        entity agent { dir: int 0..3, holding: Color }
      }

      /// The key is right of the agent.
      def key_right(a: agent, k: key) = k.x == a.x + 1 and k.y == a.y
      """;

  @TempDir Path dir;
  Fixture fx;
  String worldUri;

  @BeforeEach
  void world() throws Exception {
    fx = new Fixture(dir);
    worldUri = fx.write("world.law", WORLD);
  }

  private String open(String text) throws Exception {
    return fx.open("laws.law", "use \"world.law\"\n" + text);
  }

  private String hover(String text) throws Exception {
    Hover h = get(fx.docs().hover(new HoverParams(id(open(text)), fx.cursor)));
    return h == null ? null : h.getContents().getRight().getValue();
  }

  @Test
  void hoverOnAUseShowsTheDefinitionAndItsDocs() throws Exception {
    String h = hover("law l { for a: agent, k: key when key_ri|ght(a, k) then a.holding := k.color }");
    assertTrue(h.contains("def key_right(a: agent, k: key) = k.x == a.x + 1 and k.y == a.y"), h);
    assertTrue(h.contains("The key is right of the agent."), h);
  }

  @Test
  void hoverOnASymbolTypeListsItsSymbols() throws Exception {
    String h = hover("law l { for a: agent, k: key when a.holding == r|ed then a.holding := k.color }");
    assertTrue(h.contains("red: Color"), h);
  }

  @Test
  void goToDefinitionFindsTheDefInTheWorldFile() throws Exception {
    String uri = open("law l { for a: agent, k: key when key_rig|ht(a, k) then a.holding := k.color }");
    List<? extends Location> defs = get(fx.docs().definition(new DefinitionParams(id(uri), fx.cursor))).getLeft();
    assertEquals(1, defs.size());
    assertEquals(worldUri, defs.get(0).getUri());
    int start = Texts.offset(WORLD, defs.get(0).getRange().getStart());
    assertEquals("key_right", WORLD.substring(start, start + "key_right".length()));
  }

  @Test
  void aSymbolOfASharedTypeLeadsToTheEnum() throws Exception {
    String uri = open("law l { for a: agent when a.holding == gre|en then a.dir := 0 }");
    List<? extends Location> defs = get(fx.docs().definition(new DefinitionParams(id(uri), fx.cursor))).getLeft();
    int start = Texts.offset(WORLD, defs.get(0).getRange().getStart());
    assertEquals(WORLD.indexOf("green }"), start);
  }

  @Test
  void completionOffersTheDefinitions() throws Exception {
    String uri = open("law l { for a: agent, k: key when | then a.dir := 0 }");
    Map<String, CompletionItem> items = get(fx.docs().completion(new CompletionParams(id(uri), fx.cursor))).getLeft()
        .stream().collect(Collectors.toMap(CompletionItem::getLabel, i -> i, (x, y) -> x));
    assertTrue(items.containsKey("key_right"), items.keySet().toString());
    assertEquals("def key_right(a: agent, k: key)", items.get("key_right").getDetail());
  }
}
