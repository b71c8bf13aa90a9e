package dev.nomos.lsp.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.Severity;
import java.util.List;
import java.util.Set;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;

/** Compiler diagnostics as LSP diagnostics; a quick-fix replacement travels in {@code data}. */
public final class LspDiagnostics {
  public static final String SOURCE = "nomos";
  private static final String REPLACEMENT = "replacement";
  /** Codes about code that has no effect; editors fade it out. */
  private static final Set<String> UNNECESSARY = Set.of(Codes.UNUSED_BINDING);

  private LspDiagnostics() {}

  public static Diagnostic toLsp(dev.nomos.compiler.diag.Diagnostic d) {
    String message = d.hint() == null || d.hint().isBlank() ? d.message() : d.message() + "\nhint: " + d.hint();
    Diagnostic lsp = new Diagnostic(Texts.range(d.span()), message, severity(d.severity()), SOURCE, d.code());
    if (UNNECESSARY.contains(d.code())) {
      lsp.setTags(List.of(DiagnosticTag.Unnecessary));
    }
    if (d.replacement() != null) {
      JsonObject data = new JsonObject();
      data.addProperty(REPLACEMENT, d.replacement());
      lsp.setData(data);
    }
    return lsp;
  }

  /** The replacement a diagnostic carries, if any (data arrives as JSON from the client). */
  public static String replacement(Diagnostic d) {
    Object data = d.getData();
    if (data instanceof JsonObject obj && obj.has(REPLACEMENT)) {
      JsonElement r = obj.get(REPLACEMENT);
      return r.isJsonPrimitive() ? r.getAsString() : null;
    }
    return null;
  }

  private static DiagnosticSeverity severity(Severity s) {
    return switch (s) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFO -> DiagnosticSeverity.Information;
    };
  }
}
