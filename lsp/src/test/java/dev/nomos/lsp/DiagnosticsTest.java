package dev.nomos.lsp;

import static dev.nomos.lsp.Fixture.get;
import static dev.nomos.lsp.Fixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsTest {
  @TempDir Path dir;

  private static void replaceAll(Fixture fx, String uri, int version, String text) {
    fx.docs().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
        List.of(new TextDocumentContentChangeEvent(text))));
  }

  @Test
  void aBurstOfEditsIsCheckedOnceAtItsLastVersion() throws Exception {
    BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    try (Fixture fx = new Fixture(dir)) {
      fx.server.connect(new RecordingClient(published));
      String world = "world W { screen 10 x 10 velocity -2..2 actions NOOP entity Ball }\n";
      String uri = fx.open("a.law", world + "law l { for b: Ball then b.vy := }");
      for (int v = 2; v <= 6; v++) {
        replaceAll(fx, uri, v, world + "law l { for b: Ball then b.vy := b.vy" + " + 0".repeat(v - 1) + " }");
      }
      PublishDiagnosticsParams p = published.poll(10, TimeUnit.SECONDS);
      assertEquals(6, p.getVersion());
      assertEquals(List.of(), p.getDiagnostics());
      assertNull(published.poll(2 * NomosLanguageServer.DIAGNOSTICS_DELAY_MILLIS + 300, TimeUnit.MILLISECONDS),
          "the earlier versions were never checked");
    }
  }

  @Test
  void aUseThatCannotBeReadIsReportedOnTheUse() throws Exception {
    BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    try (Fixture fx = new Fixture(dir)) {
      fx.server.connect(new RecordingClient(published));
      fx.open("a.law", "use \"missing.law\"\nlaw l { for b: Ball then b.vy := 0 }");
      PublishDiagnosticsParams p = published.poll(10, TimeUnit.SECONDS);
      var unreadable = p.getDiagnostics().stream().filter(d -> d.getCode().getLeft().equals("N004")).toList();
      assertEquals(1, unreadable.size(), p.getDiagnostics().toString());
      assertEquals(0, unreadable.get(0).getRange().getStart().getLine());
      assertTrue(unreadable.get(0).getMessage().contains("missing.law"));
    }
  }

  @Test
  void editingAWorldRechecksTheOpenFilesThatUseIt() throws Exception {
    BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    try (Fixture fx = new Fixture(dir)) {
      fx.server.connect(new RecordingClient(published));
      String world = "world W { screen 10 x 10 velocity -2..2 actions NOOP entity Ball }\n";
      String worldUri = fx.open("w.law", world);
      String lawsUri = fx.open("laws.law", "use \"w.law\"\nlaw l { for b: Ball then b.vy := b.vy }\n");
      String otherUri = fx.open("other.law", world.replace("W {", "V {"));
      java.util.Map<String, PublishDiagnosticsParams> first = drain(published, 3);
      assertEquals(List.of(), first.get(lawsUri).getDiagnostics());
      replaceAll(fx, worldUri, 2, world.replace("entity Ball", "entity Wall"));
      java.util.Map<String, PublishDiagnosticsParams> second = drain(published, 2);
      assertEquals(java.util.Set.of(worldUri, lawsUri), second.keySet(), "other.law does not use w.law");
      assertEquals("N101", second.get(lawsUri).getDiagnostics().get(0).getCode().getLeft());
      assertNull(published.poll(600, TimeUnit.MILLISECONDS), "nothing else: " + otherUri);
    }
  }

  private static java.util.Map<String, PublishDiagnosticsParams> drain(BlockingQueue<PublishDiagnosticsParams> q,
      int count) throws InterruptedException {
    java.util.Map<String, PublishDiagnosticsParams> byUri = new java.util.HashMap<>();
    for (int i = 0; i < count; i++) {
      PublishDiagnosticsParams p = q.poll(10, TimeUnit.SECONDS);
      assertTrue(p != null, "expected " + count + " publications, got " + byUri.keySet());
      byUri.put(p.getUri(), p);
    }
    return byUri;
  }

  @Test
  void closingClearsDiagnostics() throws Exception {
    BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    try (Fixture fx = new Fixture(dir)) {
      fx.server.connect(new RecordingClient(published));
      String uri = fx.open("a.law", "law l {");
      assertEquals(1, published.poll(10, TimeUnit.SECONDS).getDiagnostics().size());
      fx.docs().didClose(new DidCloseTextDocumentParams(id(uri)));
      assertEquals(List.of(), published.poll(10, TimeUnit.SECONDS).getDiagnostics());
    }
  }

  @Test
  void anEditedWorldIsSeenByTheLawsThatUseIt() throws Exception {
    try (Fixture fx = new Fixture(dir)) {
      String worldUri = fx.open("w.law", "world W { entity Ball }");
      String uri = fx.open("laws.law", "use \"w.law\"\nlaw l { for b: Ball then b.| }");
      assertTrue(complete(fx, uri).stream().noneMatch(i -> i.getLabel().equals("speed")));
      replaceAll(fx, worldUri, 2, "world W { entity Ball { speed: int } }");
      assertTrue(complete(fx, uri).stream().anyMatch(i -> i.getLabel().equals("speed")),
          "the cached analysis of laws.law is dropped when its world changes");
    }
  }

  private static List<CompletionItem> complete(Fixture fx, String uri) {
    return get(fx.docs().completion(new CompletionParams(id(uri), fx.cursor))).getLeft();
  }
}
