package dev.nomos.lsp.internal;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.SourceResolver;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The checker's diagnostics for one open file: the file is compiled with every file it
 * {@code use}s, read from the editor when open there and from disk otherwise; only the
 * diagnostics of the file itself are kept (a used world reports its own when it is opened).
 */
public final class CheckerDiagnostics implements DiagnosticProvider {
  private final Workspace workspace;

  public CheckerDiagnostics(Workspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public List<Diagnostic> diagnose(Analysis analysis) {
    SourceFile root = analysis.source();
    Compilation compilation = NomosCompiler.compile(List.of(root), new EditorResolver());
    return compilation.diagnostics().stream().filter(d -> d.file().equals(root.name())).toList();
  }

  /** Reads used files through the workspace, so unsaved edits of an open world count. */
  private final class EditorResolver implements SourceResolver {
    @Override
    public SourceFile read(String name) throws IOException {
      String uri;
      try {
        uri = Workspace.uriOf(Path.of(name));
      } catch (InvalidPathException bad) {
        throw new IOException("not a file path");
      }
      String text = workspace.text(uri).orElseThrow(() -> new IOException("no such file"));
      return new SourceFile(name, text);
    }
  }
}
