package dev.nomos.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** didChange with several range edits, applied in order, in UTF-16 columns as the protocol counts. */
class IncrementalSyncTest {
  @TempDir Path dir;

  private static TextDocumentContentChangeEvent edit(int line, int from, int endLine, int to, String text) {
    return new TextDocumentContentChangeEvent(new Range(new Position(line, from), new Position(endLine, to)), text);
  }

  @Test
  void severalEditsInOneChangeApplyInOrderAcrossSurrogatePairs() throws Exception {
    BlockingQueue<String> checked = new LinkedBlockingQueue<>();
    try (Fixture fx = new Fixture(dir, analysis -> {
      checked.add(analysis.text());
      return List.of();
    })) {
      // 😀 and 🎲 are two UTF-16 units each: a column after them counts both.
      String uri = fx.open("a.law", "// 😀 ok\nlaw l { for b: Ball then b.vy := 0 }\n// 🎲🎲 end\n");
      assertEquals("// 😀 ok\nlaw l { for b: Ball then b.vy := 0 }\n// 🎲🎲 end\n", checked.poll(10, TimeUnit.SECONDS));
      fx.docs().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2), List.of(
          edit(0, 3, 0, 5, "🙂"),            // replace the emoji (both of its units)
          edit(0, 6, 0, 8, "fine"),          // "ok" sits after it at columns 6..8
          edit(2, 5, 2, 5, "!"),             // between the dice: after the first one's two units
          edit(1, 33, 1, 34, "-b.vy"),       // the 0
          edit(0, 10, 1, 0, " and "),        // join the first two lines
          edit(1, 9, 1, 9, "🎯"))));         // before "end": 3 + 2 + 1 + 2 + 1 units in
      assertEquals("// 🙂 fine and law l { for b: Ball then b.vy := -b.vy }\n// 🎲!🎲 🎯end\n",
          checked.poll(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aChangeWithoutARangeReplacesTheWholeText() throws Exception {
    BlockingQueue<String> checked = new LinkedBlockingQueue<>();
    try (Fixture fx = new Fixture(dir, analysis -> {
      checked.add(analysis.text());
      return List.of();
    })) {
      String uri = fx.open("a.law", "law a {}");
      checked.poll(10, TimeUnit.SECONDS);
      fx.docs().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2), List.of(
          new TextDocumentContentChangeEvent("law b {}\n"), edit(0, 4, 0, 5, "c"))));
      assertEquals("law c {}\n", checked.poll(10, TimeUnit.SECONDS));
    }
  }
}
