package dev.nomos.lsp;

import dev.nomos.lsp.internal.FramedInput;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/** Runs the Nomos language server over a pair of streams (stdio for {@code nomos lsp}). */
public final class NomosLsp {
  private NomosLsp() {}

  /**
   * Serves one client until it sends {@code exit} or closes the input, and returns the exit code
   * the protocol prescribes (0 after an orderly shutdown, 1 otherwise). Writes only protocol
   * messages to {@code out}.
   */
  public static int serve(InputStream in, OutputStream out) throws InterruptedException {
    return serve(in, out, System.err);
  }

  /**
   * As {@link #serve(InputStream, OutputStream)}; a client stream that cannot be followed (a bad
   * {@code Content-Length}) ends the session with exit code 1 and one line on {@code log}.
   */
  public static int serve(InputStream in, OutputStream out, java.io.PrintStream log) throws InterruptedException {
    FramedInput framed = new FramedInput(in);
    int code = serveFramed(framed, out);
    if (framed.failure() != null) {
      log.println("nomos: lsp: " + framed.failure());
      return 1;
    }
    return code;
  }

  private static int serveFramed(InputStream in, OutputStream out) throws InterruptedException {
    NomosLanguageServer server = new NomosLanguageServer();
    Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
    server.connect(launcher.getRemoteProxy());
    Future<Void> listening = launcher.startListening();
    CompletableFuture<Object> streamClosed = CompletableFuture.supplyAsync(() -> {
      try {
        return listening.get();
      } catch (InterruptedException | ExecutionException e) {
        return null;
      }
    });
    try {
      Object first = CompletableFuture.anyOf(server.exitCode(), streamClosed).get();
      listening.cancel(true);
      return first instanceof Integer code ? code : server.exitCode().getNow(1);
    } catch (ExecutionException e) {
      return 1;
    }
  }
}
