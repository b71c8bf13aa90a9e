package dev.nomos.lsp.internal;

import dev.nomos.compiler.Parser;
import dev.nomos.compiler.ast.TopDecl;
import dev.nomos.grammar.NomosLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * What hover and completion answer from while the user types: the latest completed analysis,
 * which may be of an older text, with the document's current text. Positions of the current
 * text are mapped into the analysis and ranges of its results back; the text around the cursor
 * is read from the current text, so what was just typed counts.
 */
public final class RecentAnalysis {
  private final Analysis analysis;
  private final String text;
  private final TextShift shift;

  private RecentAnalysis(Analysis analysis, String text, TextShift shift) {
    this.analysis = analysis;
    this.text = text;
    this.shift = shift;
  }

  /** An analysis of the current text itself. */
  public static RecentAnalysis of(Analysis current) {
    return new RecentAnalysis(current, current.text(), null);
  }

  /** An analysis of {@code older}, answering for {@code current}. */
  public static RecentAnalysis of(Analysis analysis, String current) {
    return analysis.text().equals(current) ? of(analysis)
        : new RecentAnalysis(analysis, current, TextShift.between(analysis.text(), current));
  }

  public Analysis analysis() {
    return analysis;
  }

  /** The current text. */
  public String text() {
    return text;
  }

  /** The offset of a position of the current text. */
  public int offset(Position p) {
    return Texts.offset(text, p);
  }

  /** Where a position of the current text is in the analysed text. */
  public int analysedOffset(Position p) {
    int offset = offset(p);
    return shift == null ? offset : shift.toOlder(offset);
  }

  /** A range of the analysed text, in the current text. */
  public Range toCurrent(Range analysed) {
    return shift == null ? analysed : shift.toCurrent(analysed);
  }

  /**
   * The block and variables at {@code offset} of the current text: the checker's when the analysis
   * is of this text and the declaration there parses; else read from tokens. From an older analysis
   * (the checker has not seen what was typed since), only the text from the start of the declaration
   * the cursor is in (as last parsed) is lexed again.
   */
  public CursorScope scopeAt(int offset) {
    if (shift == null) {
      return CursorScope.of(analysis, offset);
    }
    int analysed = shift.toOlder(offset);
    int from = 0;
    for (TopDecl d : analysis.unit().decls()) {
      if (d.span().start() <= analysed) {
        from = Math.max(from, d.span().start());
      }
    }
    from = Math.min(shift.toCurrent(from), offset);
    NomosLexer lexer = Parser.lexer(text.substring(from, offset), "editor");
    List<Token> tokens = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      tokens.add(t);
    }
    return CursorScope.lexical(LexicalScope.at(tokens, offset - from));
  }
}
