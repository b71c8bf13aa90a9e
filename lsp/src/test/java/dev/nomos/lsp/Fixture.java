package dev.nomos.lsp;

import dev.nomos.lsp.internal.DiagnosticProvider;
import dev.nomos.lsp.internal.Texts;
import dev.nomos.lsp.internal.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * A server on a temporary directory. Test texts mark the cursor with {@code |}; {@link #open}
 * strips it, writes the file, opens it in the server and remembers where the cursor was.
 */
final class Fixture implements AutoCloseable {
  final Path dir;
  final NomosLanguageServer server;
  Position cursor;

  /** A server as `nomos lsp` runs it: the checker's diagnostics and the formatter. */
  Fixture(Path dir) {
    this.dir = dir;
    this.server = new NomosLanguageServer();
  }

  /** A server with diagnostics from {@code provider} and no formatter. */
  Fixture(Path dir, DiagnosticProvider provider) {
    this.dir = dir;
    this.server = new NomosLanguageServer(workspace -> provider, null);
  }

  static String sample(String name) {
    try (InputStream in = Fixture.class.getResourceAsStream("/samples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a file without opening it (a world on disk). */
  String write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return Workspace.uriOf(p);
  }

  /** Writes and opens a file; a {@code |} in the text marks the cursor and is removed. */
  String open(String name, String textWithCursor) throws IOException {
    int at = textWithCursor.indexOf('|');
    String text = at < 0 ? textWithCursor : textWithCursor.substring(0, at) + textWithCursor.substring(at + 1);
    if (at >= 0) {
      cursor = Texts.position(text, at);
    }
    String uri = write(name, text);
    docs().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "nomos", 1, text)));
    return uri;
  }

  TextDocumentService docs() {
    return server.getTextDocumentService();
  }

  static TextDocumentIdentifier id(String uri) {
    return new TextDocumentIdentifier(uri);
  }

  static <T> T get(CompletableFuture<T> f) {
    try {
      return f.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() {
    server.shutdown();
    server.exit();
  }
}
