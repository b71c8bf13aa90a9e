package dev.nomos.lsp;

import static dev.nomos.lsp.Fixture.get;
import static dev.nomos.lsp.Fixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.ast.Binding;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.lsp.internal.DiagnosticProvider;
import dev.nomos.lsp.internal.LspDiagnostics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeActionTest {
  @TempDir Path dir;

  /** Stands in for the checker: an unknown type gets a did-you-mean replacement. */
  private static final DiagnosticProvider DID_YOU_MEAN = analysis -> {
    List<Diagnostic> out = new ArrayList<>();
    for (var law : analysis.unit().laws()) {
      for (Binding b : law.bindings()) {
        String type = b.type().text();
        if (analysis.meaning().declaration(dev.nomos.compiler.meaning.Declaration.Kind.ENTITY, "", type).isEmpty() && !type.equals("Object")) {
          out.add(Diagnostic.error("N101", analysis.source(), b.type().span(), "unknown entity type " + type)
              .withHint("did you mean Ball?").withReplacement("Ball"));
        }
      }
    }
    return out;
  };

  @Test
  void didYouMeanBecomesAQuickFix() throws Exception {
    BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    try (Fixture fx = new Fixture(dir, DID_YOU_MEAN)) {
      fx.server.connect(new RecordingClient(published));
      fx.write("pong_world.law", Fixture.sample("pong_world.law"));
      String uri = fx.open("laws.law", "use \"pong_world.law\"\nlaw l { for b: Bal then b.vy := 0 }\n");
      PublishDiagnosticsParams p = published.poll(10, TimeUnit.SECONDS);
      assertEquals(1, p.getDiagnostics().size());
      org.eclipse.lsp4j.Diagnostic d = p.getDiagnostics().get(0);
      assertEquals("N101", d.getCode().getLeft());
      assertTrue(d.getMessage().contains("did you mean Ball?"));

      List<CodeAction> actions = actions(fx, uri, d);
      assertEquals(1, actions.size());
      CodeAction fix = actions.get(0);
      assertEquals(CodeActionKind.QuickFix, fix.getKind());
      assertEquals("Change to 'Ball'", fix.getTitle());
      TextEdit edit = fix.getEdit().getChanges().get(uri).get(0);
      assertEquals("Ball", edit.getNewText());
      assertEquals(new Range(d.getRange().getStart(), d.getRange().getEnd()), edit.getRange());
      assertEquals(15, edit.getRange().getStart().getCharacter());

      // An editor that drops `data` still gets the fix, from the diagnostics the server published.
      org.eclipse.lsp4j.Diagnostic stripped = new org.eclipse.lsp4j.Diagnostic(d.getRange(), d.getMessage(),
          d.getSeverity(), d.getSource(), d.getCode().getLeft());
      assertEquals(null, LspDiagnostics.replacement(stripped));
      assertEquals(1, actions(fx, uri, stripped).size());
    }
  }

  @Test
  void diagnosticsWithoutReplacementOfferNothing() throws Exception {
    BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    try (Fixture fx = new Fixture(dir)) {
      fx.server.connect(new RecordingClient(published));
      String uri = fx.open("broken.law", "law l { for b: Ball then b.vy := }\n");
      PublishDiagnosticsParams p = published.poll(10, TimeUnit.SECONDS);
      assertEquals("N001", p.getDiagnostics().get(0).getCode().getLeft());
      assertEquals(List.of(), actions(fx, uri, p.getDiagnostics().get(0)));
    }
  }

  private static List<CodeAction> actions(Fixture fx, String uri, org.eclipse.lsp4j.Diagnostic d) {
    CodeActionParams params = new CodeActionParams(id(uri), d.getRange(), new CodeActionContext(List.of(d)));
    return get(fx.docs().codeAction(params)).stream().map(Either::getRight).toList();
  }

  @Test
  void theCheckersDidYouMeanIsAQuickFix() throws Exception {
    BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    try (Fixture fx = new Fixture(dir)) {
      fx.server.connect(new RecordingClient(published));
      fx.write("pong_world.law", Fixture.sample("pong_world.law"));
      String uri = fx.open("laws.law", "use \"pong_world.law\"\nlaw l { for b: Bal then b.vy := b.vy }\n");
      PublishDiagnosticsParams p = published.poll(10, TimeUnit.SECONDS);
      org.eclipse.lsp4j.Diagnostic unknown = p.getDiagnostics().stream()
          .filter(d -> d.getCode().getLeft().equals("N101")).findFirst().orElseThrow(() -> new AssertionError(p));
      List<CodeAction> actions = actions(fx, uri, unknown);
      assertEquals(1, actions.size(), actions.toString());
      assertEquals("Ball", actions.get(0).getEdit().getChanges().get(uri).get(0).getNewText());
    }
  }

  @Test
  void aFunctionOfIntsReadAtAnEarlierFrameIsRewrittenByAQuickFix() throws Exception {
    BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    try (Fixture fx = new Fixture(dir)) {
      fx.server.connect(new RecordingClient(published));
      fx.write("pong_world.law", Fixture.sample("pong_world.law"));
      String uri = fx.open("laws.law",
          "use \"pong_world.law\"\nlaw l { for b: Ball when abs(b.vx)@-2 > 1 then b.vy := 0 }\n");
      PublishDiagnosticsParams p = published.poll(10, TimeUnit.SECONDS);
      org.eclipse.lsp4j.Diagnostic noHistory = p.getDiagnostics().stream()
          .filter(d -> d.getCode().getLeft().equals("N309")).findFirst().orElseThrow(() -> new AssertionError(p));
      List<CodeAction> actions = actions(fx, uri, noHistory);
      assertEquals(1, actions.size(), actions.toString());
      assertEquals("abs(b.vx@-2)", actions.get(0).getEdit().getChanges().get(uri).get(0).getNewText());
    }
  }

  @Test
  void unusedBindingsAreMarkedUnnecessary() throws Exception {
    BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    try (Fixture fx = new Fixture(dir)) {
      fx.server.connect(new RecordingClient(published));
      fx.write("pong_world.law", Fixture.sample("pong_world.law"));
      fx.open("laws.law", "use \"pong_world.law\"\nlaw l { for b: Ball, w: Wall then b.vy := b.vy }\n");
      PublishDiagnosticsParams p = published.poll(10, TimeUnit.SECONDS);
      org.eclipse.lsp4j.Diagnostic unused = p.getDiagnostics().stream()
          .filter(d -> d.getCode().getLeft().equals("N402")).findFirst().orElseThrow(() -> new AssertionError(p));
      assertEquals(List.of(org.eclipse.lsp4j.DiagnosticTag.Unnecessary), unused.getTags());
    }
  }
}
