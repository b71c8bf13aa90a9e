package dev.nomos.compiler.internal;

import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/** Turns ANTLR syntax errors into diagnostics; stops recovery once there are too many to help. */
public final class SyntaxErrorCollector extends BaseErrorListener {
  public static final int MAX_ERRORS = 25;

  /** Thrown to end a parse whose errors would only repeat each other. */
  public static final class TooManyErrors extends RuntimeException {
    TooManyErrors() {
      super(null, null, false, false);
    }
  }

  private final SourceFile source;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public SyntaxErrorCollector(SourceFile source) {
    this.source = source;
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
      String msg, RecognitionException e) {
    int start;
    int end;
    if (offendingSymbol instanceof Token t && t.getStartIndex() >= 0) {
      start = t.getStartIndex();
      end = t.getType() == Token.EOF ? start : t.getStopIndex() + 1;
    } else {
      start = offsetOf(line, charPositionInLine);
      end = start + 1;
    }
    if (diagnostics.size() == MAX_ERRORS) {
      diagnostics.add(Diagnostic.error(Codes.SYNTAX, source, source.span(start, end),
          "too many syntax errors; stopped here").withHint("fix the first errors and check again"));
      throw new TooManyErrors();
    }
    String found = offendingSymbol instanceof Token t ? t.getText() : null;
    diagnostics.add(Diagnostic.error(Codes.SYNTAX, source, source.span(start, end), SyntaxMessages.humanize(msg))
        .withHint(found == null ? null : SyntaxHints.forToken(found)));
  }

  private int offsetOf(int line, int column) {
    int offset = 0;
    String text = source.text();
    for (int l = 1; l < line && offset < text.length(); offset++) {
      if (text.charAt(offset) == '\n') {
        l++;
      }
    }
    return Math.min(text.length(), offset + column);
  }

  public List<Diagnostic> diagnostics() {
    return List.copyOf(diagnostics);
  }
}
