package dev.nomos.lsp;

import static dev.nomos.lsp.Fixture.get;
import static dev.nomos.lsp.Fixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.Parser;
import dev.nomos.compiler.format.Formatter;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.lsp.internal.Texts;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormattingTest {
  @TempDir Path dir;

  private static List<? extends TextEdit> format(Fixture fx, String uri) {
    return get(fx.docs().formatting(new DocumentFormattingParams(id(uri), new FormattingOptions(2, true))));
  }

  private static String apply(String text, List<? extends TextEdit> edits) {
    String result = text;
    for (TextEdit e : edits) {
      result = Texts.apply(result, e.getRange(), e.getNewText());
    }
    return result;
  }

  @Test
  void formatsLikeNomosFmtWithOneMinimalEdit() throws Exception {
    try (Fixture fx = new Fixture(dir)) {
      String text = "// Pong laws\n/// Inertia.\nlaw   inertia  weight 2.5 {for b:Ball\nthen b.vx:=b.vx b.vy := b.vy}\n";
      String uri = fx.open("a.law", text);
      List<? extends TextEdit> edits = format(fx, uri);
      String expected = Formatter.format(Parser.parse(new SourceFile("a.law", text)).unit());
      assertEquals(expected, apply(text, edits));
      assertEquals(1, edits.size());
      assertEquals(2, edits.get(0).getRange().getStart().getLine(), "the comment lines are untouched");
      assertTrue(apply(text, edits).contains("// Pong laws"));
    }
  }

  @Test
  void leavesFormattedAndBrokenFilesAlone() throws Exception {
    try (Fixture fx = new Fixture(dir)) {
      String formatted = Formatter.format(Parser.parse(new SourceFile("b.law",
          "law inertia { for b: Ball then b.vy := b.vy }")).unit());
      assertEquals(List.of(), format(fx, fx.open("b.law", formatted)));
      assertEquals(List.of(), format(fx, fx.open("c.law", "law   broken { for b: Ball then b.vy := }")));
    }
  }
}
