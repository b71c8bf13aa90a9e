package dev.nomos.lsp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.meaning.Declaration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One analysis per document version: one parse and one check, whose meaning every feature reads. */
class AnalysisTest {
  static final String WORLD = "world W {\n  screen 10 x 10\n  velocity -1..1\n  actions A\n  /// Round.\n"
      + "  entity Ball { spin: int 0..3 }\n}\n";

  @TempDir Path dir;
  Workspace ws = new Workspace();
  String uri;

  /** The analysis of {@code text} open as laws.law beside world.law. */
  private Analysis open(String text) throws Exception {
    Files.writeString(dir.resolve("world.law"), WORLD);
    uri = Workspace.uriOf(dir.resolve("laws.law"));
    ws.open(uri, 1, text);
    return ws.analysis(uri).orElseThrow();
  }

  @Test
  void aVersionIsCompiledOnceWithTheFilesItUses() throws Exception {
    String text = "use \"world.law\"\nlaw l { for b: Ball when b.spin > 0 then b.vx := 1 }\n";
    Analysis a = open(text);
    assertSame(a, ws.analysis(uri).orElseThrow(), "a second request on the same version reuses the analysis");
    assertEquals(2, a.compilation().units().size());
    assertEquals(Workspace.uriOf(dir.resolve("world.law")), a.used().get(0).uri());
    assertEquals(a.compilation().diagnostics(), new CheckerDiagnostics().diagnose(a));

    Occurrence spin = a.occurrenceAt(text.indexOf("spin")).orElseThrow();
    assertEquals(Declaration.Kind.ATTRIBUTE, spin.target().kind());
    Occurrence declared = a.declarationOf(spin.key()).orElseThrow();
    assertEquals(Workspace.uriOf(dir.resolve("world.law")), declared.uri());
    assertEquals(WORLD.indexOf("spin"), declared.span().start());

    ws.open(Workspace.uriOf(dir.resolve("world.law")), 1, WORLD.replace("spin", "turn"));
    Analysis edited = ws.analysis(uri).orElseThrow();
    assertNotSame(a, edited, "an unsaved edit of the world is a new version of what the file means");
    assertTrue(edited.compilation().hasErrors());
  }

  @Test
  void onlyALawThatDoesNotParseIsReadFromItsTokens() throws Exception {
    String text = "use \"world.law\"\nlaw ok { for b: Ball then b.vx := 1 }\nlaw typing { for c: Ball then c.vx := c.\n";
    Analysis a = open(text);
    Occurrence checked = a.occurrenceAt(text.indexOf("b.vx")).orElseThrow();
    assertNotNull(checked.target(), "the checker resolved it");
    Occurrence lexical = a.occurrenceAt(text.indexOf("c.vx")).orElseThrow();
    assertNull(lexical.target(), "read from the tokens");
    assertEquals(SymbolKey.binder(uri, text.indexOf("c: Ball"), "c"), lexical.key());
    assertEquals("Ball", lexical.detail());
  }
}
