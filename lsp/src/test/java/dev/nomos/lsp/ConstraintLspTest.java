package dev.nomos.lsp;

import static dev.nomos.lsp.Fixture.get;
import static dev.nomos.lsp.Fixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.lsp.internal.SemanticTokensFeature;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor support for `constraint`: highlighting, hover, completion and the outline. */
class ConstraintLspTest {
  private static final String CONSTRAINT = """
      /// A ball on a wall rests on it.
      constraint resting {
        on contact(b: Ball, w: Wall, side: BOTTOM)
        then b.bottom == w.top
      }
      """;
  @TempDir Path dir;
  Fixture fx;

  @BeforeEach
  void world() throws Exception {
    fx = new Fixture(dir);
    fx.write("pong_world.law", Fixture.sample("pong_world.law"));
  }

  @AfterEach
  void close() throws Exception {
    fx.close();
  }

  private String open(String textWithCursor) throws Exception {
    return fx.open("laws.law", "use \"pong_world.law\"\n" + textWithCursor);
  }

  private String hover(String textWithCursor) throws Exception {
    Hover h = get(fx.docs().hover(new HoverParams(id(open(textWithCursor)), fx.cursor)));
    return h == null ? null : h.getContents().getRight().getValue();
  }

  private Map<String, CompletionItem> complete(String textWithCursor) throws Exception {
    List<CompletionItem> items = get(fx.docs().completion(new CompletionParams(id(open(textWithCursor)), fx.cursor))).getLeft();
    return items.stream().collect(Collectors.toMap(CompletionItem::getLabel, i -> i, (a, b) -> a));
  }

  @Test
  void nextInAGuardIsAKeywordWithItsOwnHoverAndCompletion() throws Exception {
    String text = "constraint hangs {\n  for b: Ball, w: Wall\n  when next(touching(b, w))\n  then b.bottom == w.top\n}\n";
    String uri = open(text);
    SemanticTokens tokens = get(fx.docs().semanticTokensFull(new SemanticTokensParams(id(uri))));
    List<Integer> data = tokens.getData();
    boolean keyword = false;
    int line = 0;
    int column = 0;
    for (int i = 0; i < data.size(); i += 5) {
      column = data.get(i) == 0 ? column + data.get(i + 1) : data.get(i + 1);
      line += data.get(i);
      if (line == 3 && column == 7) {
        keyword = SemanticTokensFeature.TYPES.get(data.get(i + 3)).equals("keyword");
      }
    }
    assertTrue(keyword, "`next` in a constraint's guard is a keyword token");
    String h = hover(text.replace("when next", "when ne|xt"));
    assertTrue(h != null && h.contains("next frame"), String.valueOf(h));
    assertTrue(complete("constraint c { for b: Ball when ne| then b.y == 3 }").containsKey("next"));
  }

  @Test
  void theKeywordIsHighlightedAndExplained() throws Exception {
    String uri = open(CONSTRAINT);
    SemanticTokens tokens = get(fx.docs().semanticTokensFull(new SemanticTokensParams(id(uri))));
    // The first token after the doc comment and `use` line is `constraint`, on line 2, column 0.
    List<Integer> data = tokens.getData();
    boolean keyword = false;
    int line = 0;
    for (int i = 0; i < data.size(); i += 5) {
      line += data.get(i);
      if (line == 2 && data.get(i + 2) == "constraint".length()) {
        keyword = SemanticTokensFeature.TYPES.get(data.get(i + 3)).equals("keyword");
      }
    }
    assertTrue(keyword, "`constraint` is a keyword token");
    String h = hover("con|straint resting { for b: Ball then b.y == 3 }");
    assertTrue(h.contains("renormalises"), h);
  }

  @Test
  void boundVariablesInsideAConstraintResolve() throws Exception {
    String h = hover("constraint c { for b: Ball then |b.y == 3 }");
    assertTrue(h.contains("b: Ball"), h);
    String name = hover("/// Balls stay low.\nconstraint lo|w { for b: Ball then b.y in 100..200 }");
    assertTrue(name.contains("constraint low") && name.contains("Balls stay low."), name);
    assertTrue(hover("constraint c { for b: Ball then b.|cx == 3 }").contains("x + w / 2"));
    Map<String, CompletionItem> items = complete("constraint c { for b: Ball then b.y == | }");
    assertTrue(items.containsKey("b"), items.keySet().toString());
    assertTrue(complete("constraint c { for b: Ball then b.| }").containsKey("cx"));
  }

  @Test
  void theTopLevelOffersAConstraint() throws Exception {
    Map<String, CompletionItem> items = complete("|");
    assertTrue(items.containsKey("constraint"), items.keySet().toString());
  }

  @Test
  void theOutlineListsTheConstraintWithItsBinders() throws Exception {
    String uri = open(CONSTRAINT);
    List<DocumentSymbol> symbols = get(fx.docs().documentSymbol(new DocumentSymbolParams(id(uri))))
        .stream().map(Either::getRight).toList();
    assertEquals(List.of("resting"), symbols.stream().map(DocumentSymbol::getName).toList());
    assertEquals("constraint", symbols.get(0).getDetail());
    assertEquals(List.of("b", "w"), symbols.get(0).getChildren().stream().map(DocumentSymbol::getName).toList());
  }
}
