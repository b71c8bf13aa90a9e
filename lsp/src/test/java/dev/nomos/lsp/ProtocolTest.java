package dev.nomos.lsp;

import static dev.nomos.lsp.Fixture.get;
import static dev.nomos.lsp.Fixture.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.lsp.internal.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionCapabilities;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server does with the protocol itself: client capabilities, the lifecycle, language ids. */
class ProtocolTest {
  @TempDir Path dir;

  private static InitializeParams withSnippets(Boolean snippetSupport) {
    CompletionItemCapabilities item = new CompletionItemCapabilities();
    item.setSnippetSupport(snippetSupport);
    TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
    text.setCompletion(new CompletionCapabilities(item));
    InitializeParams params = new InitializeParams();
    params.setCapabilities(new ClientCapabilities(null, text, null));
    return params;
  }

  private static Map<String, CompletionItem> complete(Fixture fx, String name, String text) throws Exception {
    String uri = fx.open(name, text);
    return get(fx.docs().completion(new CompletionParams(id(uri), fx.cursor))).getLeft().stream()
        .collect(Collectors.toMap(CompletionItem::getLabel, i -> i));
  }

  @Test
  void aClientWithoutSnippetSupportGetsPlainText() throws Exception {
    try (Fixture fx = new Fixture(dir)) {
      get(fx.server.initialize(withSnippets(null)));
      Map<String, CompletionItem> inLaw = complete(fx, "a.law", "law l { for b: Ball then b.vy := | }");
      CompletionItem clamp = inLaw.get("clamp");
      assertEquals(InsertTextFormat.PlainText, clamp.getInsertTextFormat());
      assertEquals("clamp", clamp.getInsertText());
      assertTrue(inLaw.values().stream().noneMatch(i -> i.getInsertTextFormat() == InsertTextFormat.Snippet));

      CompletionItem law = complete(fx, "b.law", "|").get("law …");
      assertEquals(InsertTextFormat.PlainText, law.getInsertTextFormat());
      assertEquals("law name {\n  for b: Type\n  then \n}", law.getInsertText());
    }
  }

  @Test
  void aClientWithSnippetSupportGetsSnippetsAndTheServerSaysWhatItOffers() throws Exception {
    try (Fixture fx = new Fixture(dir)) {
      var capabilities = get(fx.server.initialize(withSnippets(true))).getCapabilities();
      assertTrue(capabilities.getSemanticTokensProvider().getRange().getLeft(), "semantic tokens by range");
      assertEquals(org.eclipse.lsp4j.TextDocumentSyncKind.Incremental, capabilities.getTextDocumentSync().getLeft());
      CompletionItem clamp = complete(fx, "a.law", "law l { for b: Ball then b.vy := | }").get("clamp");
      assertEquals(InsertTextFormat.Snippet, clamp.getInsertTextFormat());
      assertEquals("clamp(${1:v}, ${2:lo}, ${3:hi})", clamp.getInsertText());
    }
  }

  @Test
  void requestsAfterShutdownAreInvalidWithoutAStackTrace() throws Exception {
    try (Fixture fx = new Fixture(dir)) {
      get(fx.server.initialize(new InitializeParams()));
      String uri = fx.open("a.law", "law l { for |b: Ball then b.vy := 0 }");
      get(fx.server.shutdown());
      assertInvalidRequest(fx.docs().hover(new HoverParams(id(uri), fx.cursor)));
      assertInvalidRequest(fx.docs().completion(new CompletionParams(id(uri), fx.cursor)));
      assertInvalidRequest(fx.server.getWorkspaceService().symbol(new WorkspaceSymbolParams("l")));
      assertInvalidRequest(fx.server.shutdown());
      assertInvalidRequest(fx.server.initialize(new InitializeParams()));
    }
  }

  private static void assertInvalidRequest(CompletableFuture<?> answer) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> answer.get(10, TimeUnit.SECONDS));
    ResponseError error = ((ResponseErrorException) e.getCause()).getResponseError();
    assertEquals(ResponseErrorCode.InvalidRequest.getValue(), error.getCode());
    assertTrue(error.getMessage().contains("shutting down"), error.getMessage());
    assertNull(error.getData(), "no stack trace in the answer");
  }

  @Test
  void onlyNomosDocumentsAreChecked() throws Exception {
    BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
    try (Fixture fx = new Fixture(dir)) {
      fx.server.connect(new RecordingClient(published));
      String readme = Workspace.uriOf(dir.resolve("README.md"));
      fx.docs().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(readme, "markdown", 1,
          "# Notes\n\nlaw l { for b: Ball then b.vy := }\n")));
      assertNull(get(fx.docs().hover(new HoverParams(id(readme), new Position(2, 13)))));
      assertEquals(List.of(), get(fx.docs().completion(new CompletionParams(id(readme), new Position(2, 0)))).getLeft());

      String untitled = "untitled:Untitled-1";
      fx.docs().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(untitled, "nomos", 1, "law l {")));
      PublishDiagnosticsParams first = published.poll(10, TimeUnit.SECONDS);
      assertEquals(untitled, first.getUri(), "a nomos document is checked, whatever its name");
      assertEquals("N001", first.getDiagnostics().get(0).getCode().getLeft());
      assertNull(published.poll(2 * NomosLanguageServer.DIAGNOSTICS_DELAY_MILLIS + 300, TimeUnit.MILLISECONDS),
          "README.md got no diagnostics");
    }
  }
}
