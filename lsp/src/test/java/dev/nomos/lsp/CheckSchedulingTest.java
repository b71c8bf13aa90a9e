package dev.nomos.lsp;

import static dev.nomos.lsp.Fixture.get;
import static dev.nomos.lsp.Fixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks run on a thread of their own: a check that is still running does not hold up hover or
 * completion (they answer from the last analysis, mapped to the current text), and its result is
 * dropped once a newer version has arrived.
 */
class CheckSchedulingTest {
  @TempDir Path dir;

  private static final String WORLD = "world W { screen 10 x 10 velocity -2..2 actions NOOP entity Ball entity Wall }\n";

  @Test
  void aRunningCheckHoldsUpNoRequestAndAStaleResultIsDropped() throws Exception {
    CountDownLatch firstCheckStarted = new CountDownLatch(1);
    CountDownLatch releaseFirstCheck = new CountDownLatch(1);
    BlockingQueue<String> checked = new LinkedBlockingQueue<>();
    BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    try (Fixture fx = new Fixture(dir, analysis -> {
      checked.add(analysis.text());
      if (firstCheckStarted.getCount() > 0) {
        firstCheckStarted.countDown();
        try {
          releaseFirstCheck.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return List.of();
    })) {
      fx.server.connect(new RecordingClient(published));
      String first = WORLD + "law l { for b: Ball then b.vy := 0 }\n";
      String uri = fx.open("a.law", first);
      assertTrue(firstCheckStarted.await(10, TimeUnit.SECONDS));

      // Version 2 types a line above the law while version 1's check is still running.
      fx.docs().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2), List.of(
          new TextDocumentContentChangeEvent(new Range(new Position(1, 0), new Position(1, 0)), "// moved\n"))));
      Hover hover = get(fx.docs().hover(new HoverParams(id(uri), new Position(2, 25))));
      assertTrue(hover.getContents().getRight().getValue().contains("b: Ball"), hover.toString());
      assertEquals(new Range(new Position(2, 25), new Position(2, 26)), hover.getRange(),
          "the range is in version 2's lines, though version 1 was analysed");
      List<CompletionItem> items = get(fx.docs().completion(new CompletionParams(id(uri), new Position(2, 27))))
          .getLeft();
      assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("vy")), items.toString());

      releaseFirstCheck.countDown();
      PublishDiagnosticsParams p = published.poll(10, TimeUnit.SECONDS);
      assertEquals(2, p.getVersion(), "version 1's result was dropped");
      assertEquals(List.of(first, first.replace("\nlaw", "\n// moved\nlaw")), List.copyOf(checked));
      assertNull(published.poll(2 * NomosLanguageServer.DIAGNOSTICS_DELAY_MILLIS + 300, TimeUnit.MILLISECONDS));
    }
  }

  @Test
  void completionSeesWhatWasJustTypedBeforeTheAnalysisCatchesUp() throws Exception {
    CountDownLatch checking = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (Fixture fx = new Fixture(dir, analysis -> {
      checking.countDown();
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return List.of();
    })) {
      String uri = fx.open("a.law", WORLD + "law l { for b: Ball then b.vy := 0 }\n");
      assertTrue(checking.await(10, TimeUnit.SECONDS), "the check of version 1 runs and holds the check thread");
      fx.docs().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2), List.of(
          new TextDocumentContentChangeEvent(new Range(new Position(2, 0), new Position(2, 0)),
              "law m { for w: Wall then w."))));
      List<CompletionItem> items = get(fx.docs().completion(new CompletionParams(id(uri), new Position(2, 27))))
          .getLeft();
      assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("vx")),
          "w was bound in text no analysis has seen yet: " + items);
      release.countDown();
    }
  }
}
