package dev.nomos.lsp.internal;

import dev.nomos.stdlib.Stdlib;
import dev.nomos.stdlib.StdlibFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;

/** Signature help inside the parentheses of a stdlib call, with the parameter being typed highlighted. */
public final class SignatureHelpFeature {
  private SignatureHelpFeature() {}

  public static Optional<SignatureHelp> help(Analysis a, int offset) {
    return help(a.text(), offset);
  }

  /**
   * Scans back from the cursor to the open parenthesis of the call it is in, counting the commas
   * between; a bracketed argument ({@code (...)}, {@code {A, B}}) is stepped over whole, and an
   * unmatched {@code {} means the cursor is in a block, not a call.
   */
  public static Optional<SignatureHelp> help(String text, int offset) {
    int depth = 0;
    int commas = 0;
    for (int i = Math.min(offset, text.length()) - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == ')' || c == '}') {
        depth++;
      } else if (c == '{') {
        if (depth == 0) {
          return Optional.empty();
        }
        depth--;
      } else if (c == '(') {
        if (depth > 0) {
          depth--;
          continue;
        }
        int end = i;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
          end--;
        }
        int start = end;
        while (start > 0 && Character.isJavaIdentifierPart(text.charAt(start - 1))) {
          start--;
        }
        if (text.substring(Math.max(0, start - 64), start).stripTrailing().matches("(?s)(.*\\W)?on")) {
          return Optional.empty(); // `on contact(...)` binds; it is not a call
        }
        int active = commas;
        return Stdlib.lookup(text.substring(start, end)).map(f -> signature(f, active));
      } else if (c == ',' && depth == 0) {
        commas++;
      }
    }
    return Optional.empty();
  }

  private static SignatureHelp signature(StdlibFunction f, int activeParameter) {
    String label = f.signature();
    List<ParameterInformation> params = new ArrayList<>();
    int from = label.indexOf('(') + 1;
    for (int i = 0; i < f.params().size(); i++) {
      int start = label.indexOf(f.params().get(i).name() + ":", from);
      int end = label.indexOf(i == f.params().size() - 1 ? ")" : ",", start);
      params.add(new ParameterInformation(label.substring(start, end)));
      from = end;
    }
    SignatureInformation info = new SignatureInformation(label, new MarkupContent(MarkupKind.MARKDOWN, f.doc()), params);
    return new SignatureHelp(List.of(info), 0, Math.min(activeParameter, Math.max(0, params.size() - 1)));
  }
}
