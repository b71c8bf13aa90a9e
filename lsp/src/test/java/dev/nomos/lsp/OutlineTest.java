package dev.nomos.lsp;

import static dev.nomos.lsp.Fixture.get;
import static dev.nomos.lsp.Fixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutlineTest {
  @TempDir Path dir;

  @Test
  void outlineHasWorldsEntitiesAttributesActionsLawsAndBinders() throws Exception {
    try (Fixture fx = new Fixture(dir)) {
      fx.write("pong_world.law", Fixture.sample("pong_world.law"));
      String uri = fx.open("all.law", Fixture.sample("pong_world.law") + "\nlaw l weight 2 {\n  on contact(b: Ball, w: Wall)\n  then b.vy := 0\n}\n");
      List<DocumentSymbol> symbols = get(fx.docs().documentSymbol(new DocumentSymbolParams(id(uri))))
          .stream().map(Either::getRight).toList();
      assertEquals(List.of("Pong", "l"), symbols.stream().map(DocumentSymbol::getName).toList());
      DocumentSymbol world = symbols.get(0);
      assertEquals(SymbolKind.Namespace, world.getKind());
      assertEquals(List.of("NOOP", "FIRE", "UP", "DOWN", "UPFIRE", "DOWNFIRE", "Player", "Enemy", "Ball", "Wall", "Block"),
          world.getChildren().stream().map(DocumentSymbol::getName).toList());
      DocumentSymbol block = world.getChildren().get(10);
      assertEquals(List.of("points", "broken", "state"), block.getChildren().stream().map(DocumentSymbol::getName).toList());
      assertEquals("int 0..100", block.getChildren().get(0).getDetail());
      DocumentSymbol law = symbols.get(1);
      assertEquals(SymbolKind.Function, law.getKind());
      assertEquals("law, weight 2", law.getDetail());
      assertEquals(List.of("b", "w"), law.getChildren().stream().map(DocumentSymbol::getName).toList());
      assertEquals(16, law.getRange().getStart().getLine());
      assertEquals(19, law.getRange().getEnd().getLine());
    }
  }

  @Test
  void theFloorIsASymbolWithItsChannels() throws Exception {
    try (Fixture fx = new Fixture(dir)) {
      fx.write("pong_world.law", Fixture.sample("pong_world.law"));
      String uri = fx.open("floored.law", "use \"pong_world.law\"\nfloor {\n  x 0.001\n  points 0.25\n}\n");
      List<DocumentSymbol> symbols = get(fx.docs().documentSymbol(new DocumentSymbolParams(id(uri))))
          .stream().map(Either::getRight).toList();
      assertEquals(List.of("floor"), symbols.stream().map(DocumentSymbol::getName).toList());
      assertEquals(List.of("x", "points"), symbols.get(0).getChildren().stream().map(DocumentSymbol::getName).toList());
      assertEquals("0.25", symbols.get(0).getChildren().get(1).getDetail());
    }
  }

  @Test
  void foldsWorldsLawsAndDocCommentBlocks() throws Exception {
    try (Fixture fx = new Fixture(dir)) {
      String uri = fx.open("w.law", Fixture.sample("pong_world.law")
          + "\n// one\n// two\n// three\nlaw l {\n  for b: Ball\n  then b.vy := 0\n}\nlaw one_line { for b: Ball then b.vy := 0 }\n");
      List<FoldingRange> ranges = get(fx.docs().foldingRange(new FoldingRangeRequestParams(id(uri))));
      assertTrue(has(ranges, 2, 14, null), "world: " + ranges);
      assertTrue(has(ranges, 0, 1, FoldingRangeKind.Comment), "doc comment: " + ranges);
      assertTrue(has(ranges, 16, 18, FoldingRangeKind.Comment), "line comments: " + ranges);
      assertTrue(has(ranges, 19, 22, null), "law: " + ranges);
      assertEquals(4, ranges.size(), "single-line entities and laws do not fold: " + ranges);
    }
  }

  private static boolean has(List<FoldingRange> ranges, int start, int end, String kind) {
    return ranges.stream().anyMatch(r -> r.getStartLine() == start && r.getEndLine() == end
        && java.util.Objects.equals(r.getKind(), kind));
  }
}
