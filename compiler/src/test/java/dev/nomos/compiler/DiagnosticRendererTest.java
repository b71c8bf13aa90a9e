package dev.nomos.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.diag.DiagnosticJson;
import dev.nomos.compiler.diag.DiagnosticRenderer;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticRendererTest {

  @Test
  void caretUnderlinesTheSpanAndKeepsTabs() {
    SourceFile f = new SourceFile("a.law", "law a {\n\tfor b: Bal\n}\n");
    int start = f.text().indexOf("Bal");
    Diagnostic d = Diagnostic.error("N101", f, f.span(start, start + 3), "unknown type `Bal`").withSuggestion("Ball");
    assertEquals("""
        a.law:2:9: error[N101]: unknown type `Bal`
            2 | \tfor b: Bal
              | \t       ^~~
          = hint: did you mean `Ball`?
        """, DiagnosticRenderer.render(d));
  }

  @Test
  void multiLineSpansUnderlineToTheEndOfTheFirstLine() {
    SourceFile f = new SourceFile("a.law", "when a and\n  b\n");
    Diagnostic d = Diagnostic.warning("N401", f, f.span(5, 14), "never");
    assertEquals("""
        a.law:1:6: warning[N401]: never
            1 | when a and
              |      ^~~~~
        """, DiagnosticRenderer.render(d));
  }

  @Test
  void emptySpanAtEndOfLineGetsOneCaret() {
    SourceFile f = new SourceFile("a.law", "then b.vy :=");
    Diagnostic d = Diagnostic.error("N001", f, f.span(12, 12), "unexpected end");
    assertTrue(DiagnosticRenderer.render(d).endsWith("    1 | then b.vy :=\n      |             ^\n"),
        DiagnosticRenderer.render(d));
  }

  @Test
  void synthesisedSpansHaveNoExcerptAndWideLineNumbersWidenTheGutter() {
    SourceFile f = new SourceFile("gen", "x");
    assertEquals("gen: error[N201]: bad\n",
        DiagnosticRenderer.render(Diagnostic.error("N201", f, Span.NONE, "bad")));
    SourceFile big = new SourceFile("big.law", "\n".repeat(123_456) + "oops");
    String r = DiagnosticRenderer.render(Diagnostic.error("N001", big, big.span(123_456, 123_460), "x"));
    assertTrue(r.contains(" 123457 | oops\n        | ^~~~\n"), r);
  }

  @Test
  void longLinesAreCutAroundTheSpan() {
    String line = "a".repeat(5000) + "HERE" + "b".repeat(5000);
    SourceFile f = new SourceFile("l.law", line);
    String r = DiagnosticRenderer.render(Diagnostic.error("N001", f, f.span(5000, 5004), "x"));
    String[] lines = r.split("\n");
    assertTrue(lines[1].length() < 200, lines[1]);
    int caret = lines[2].indexOf('^');
    assertEquals("HERE", lines[1].substring(caret, caret + 4));
  }

  @Test
  void jsonHasTheDocumentedFields() {
    SourceFile f = new SourceFile("a.law", "for b: Bal");
    Diagnostic d = Diagnostic.error("N101", f, f.span(7, 10), "unknown type `Bal`").withSuggestion("Ball");
    assertEquals("""
        [ {
          "code" : "N101",
          "severity" : "error",
          "file" : "a.law",
          "line" : 1,
          "column" : 8,
          "end" : {
            "line" : 1,
            "column" : 11
          },
          "message" : "unknown type `Bal`",
          "hint" : "did you mean `Ball`?",
          "replacement" : "Ball"
        } ]""", DiagnosticJson.toJson(List.of(d)));
  }
}
