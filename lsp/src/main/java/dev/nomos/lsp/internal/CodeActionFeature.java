package dev.nomos.lsp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Quick fixes: a diagnostic that carries a replacement (a did-you-mean suggestion) becomes a code
 * action replacing the diagnosed text. Diagnostics the editor sends back keep their {@code data};
 * for editors that drop it, the last diagnostics computed for the file are consulted by range and code.
 */
public final class CodeActionFeature {
  private CodeActionFeature() {}

  public static List<CodeAction> quickFixes(CodeActionParams params, List<Diagnostic> current) {
    List<String> only = params.getContext().getOnly();
    if (only != null && !only.isEmpty() && only.stream().noneMatch(k -> CodeActionKind.QuickFix.startsWith(k))) {
      return List.of();
    }
    List<CodeAction> result = new ArrayList<>();
    for (Diagnostic d : params.getContext().getDiagnostics()) {
      String replacement = LspDiagnostics.replacement(d);
      if (replacement == null) {
        replacement = current.stream()
            .filter(c -> c.getRange().equals(d.getRange()) && Objects.equals(c.getCode(), d.getCode()))
            .map(LspDiagnostics::replacement).filter(r -> r != null).findFirst().orElse(null);
      }
      if (replacement == null) {
        continue;
      }
      CodeAction action = new CodeAction(replacement.isEmpty() ? "Remove" : "Change to '" + replacement + "'");
      action.setKind(CodeActionKind.QuickFix);
      action.setDiagnostics(List.of(d));
      action.setIsPreferred(true);
      action.setEdit(new WorkspaceEdit(Map.of(params.getTextDocument().getUri(),
          List.of(new TextEdit(d.getRange(), replacement)))));
      result.add(action);
    }
    return result;
  }
}
