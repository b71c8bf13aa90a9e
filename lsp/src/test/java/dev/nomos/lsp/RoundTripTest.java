package dev.nomos.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real client and {@link NomosLsp#serve} talking JSON-RPC over a loopback socket. */
class RoundTripTest {
  @TempDir Path dir;

  @Test
  void initializeOpenDiagnoseCompleteShutdownExit() throws Exception {
    // A loopback socket rather than java.io pipes: a pipe fails its reader once the thread that last
    // wrote to it has ended, and the server's worker threads end at shutdown, as they should.
    ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Socket clientSide = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    Socket serverSide = listener.accept();
    listener.close();
    InputStream serverIn = serverSide.getInputStream();
    OutputStream serverOut = serverSide.getOutputStream();
    InputStream clientIn = clientSide.getInputStream();
    OutputStream clientOut = clientSide.getOutputStream();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
      try {
        return NomosLsp.serve(serverIn, serverOut);
      } catch (InterruptedException e) {
        return -1;
      }
    });

    BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    Launcher<LanguageServer> client = LSPLauncher.createClientLauncher(new RecordingClient(diagnostics),
        clientIn, clientOut);
    client.startListening();
    LanguageServer server = client.getRemoteProxy();

    InitializeResult init = server.initialize(new InitializeParams()).get(10, TimeUnit.SECONDS);
    assertEquals(TextDocumentSyncKind.Incremental, init.getCapabilities().getTextDocumentSync().getLeft());
    assertTrue(init.getCapabilities().getSemanticTokensProvider().getLegend().getTokenTypes().contains("enumMember"));
    server.initialized(new InitializedParams());

    Path world = dir.resolve("world.law");
    Files.writeString(world, "world W { actions UP, DOWN entity Ball entity Wall }\n");
    String uri = dir.resolve("laws.law").toUri().toString();
    String text = "use \"world.law\"\nlaw l { for b: Ball then b.vy := }\n";
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "nomos", 1, text)));

    PublishDiagnosticsParams first = diagnostics.poll(10, TimeUnit.SECONDS);
    assertEquals(uri, first.getUri());
    assertEquals(1, first.getDiagnostics().size());
    assertEquals("N001", first.getDiagnostics().get(0).getCode().getLeft());
    assertEquals("nomos", first.getDiagnostics().get(0).getSource());
    assertEquals(1, first.getDiagnostics().get(0).getRange().getStart().getLine());

    // Fix it with an incremental edit: insert "-b.vy" after ":= " and expect clean diagnostics.
    int col = "law l { for b: Ball then b.vy := ".length();
    server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
        new VersionedTextDocumentIdentifier(uri, 2),
        List.of(new TextDocumentContentChangeEvent(new Range(new Position(1, col), new Position(1, col)), "-b.vy"))));
    PublishDiagnosticsParams second = diagnostics.poll(10, TimeUnit.SECONDS);
    assertEquals(List.of(), second.getDiagnostics());
    assertEquals(2, second.getVersion());

    List<CompletionItem> items = server.getTextDocumentService().completion(new CompletionParams(
        new TextDocumentIdentifier(uri), new Position(1, "law l { for b: Ball then b.".length())))
        .get(10, TimeUnit.SECONDS).getLeft();
    assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("vy")));

    server.shutdown().get(10, TimeUnit.SECONDS);
    server.exit();
    assertEquals(0, exit.get(10, TimeUnit.SECONDS));
    clientSide.close();
    serverSide.close();
  }
}
