package dev.nomos.compiler;

import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.diag.Codes;
import dev.nomos.compiler.diag.Diagnostic;
import dev.nomos.compiler.internal.AstBuilder;
import dev.nomos.compiler.internal.SyntaxErrorCollector;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.grammar.NomosLexer;
import dev.nomos.grammar.NomosParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import java.nio.IntBuffer;
import org.antlr.v4.runtime.CodePointBuffer;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Source text to AST, hardened for untrusted input (LLM output, fuzzers): sources over
 * {@link #MAX_SOURCE_CHARS}, nesting over {@link #MAX_NESTING} and operator chains over
 * {@link #MAX_CHAINED_OPERATORS} are refused with one diagnostic
 * before ANTLR sees them, console listeners are replaced by one collector, recovery stops after
 * {@link SyntaxErrorCollector#MAX_ERRORS} errors, and the fast SLL mode is tried before full LL.
 */
public final class Parser {
  public static final int MAX_SOURCE_CHARS = 1 << 20;
  public static final int MAX_NESTING = 64;
  /** Binary operators on one path through an expression tree (see {@link #nestingCheck}). */
  public static final int MAX_CHAINED_OPERATORS = 256;

  private Parser() {}

  public static ParseResult parse(SourceFile source) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    SourceUnit empty = new SourceUnit(source, List.of(), List.of(), source.span(0, source.text().length()));
    if (source.text().length() > MAX_SOURCE_CHARS) {
      diagnostics.add(Diagnostic.error(Codes.SOURCE_TOO_LARGE, source, source.span(0, 0),
          "source is " + source.text().length() + " characters; the limit is " + MAX_SOURCE_CHARS)
          .withHint("split the laws over several files that `use` one world file"));
      return new ParseResult(empty, diagnostics);
    }
    Diagnostic bidi = bidiCheck(source);
    if (bidi != null) {
      diagnostics.add(bidi);
      return new ParseResult(empty, diagnostics);
    }
    NomosLexer lexer = lexer(source.text(), source.name());
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    Diagnostic tooDeep = nestingCheck(source, tokens.getTokens());
    if (tooDeep != null) {
      diagnostics.add(tooDeep);
      return new ParseResult(empty, diagnostics);
    }
    NomosParser.FileContext tree = parseTwoStage(source, tokens, diagnostics);
    SourceUnit unit = new AstBuilder(source, tokens).build(tree);
    return new ParseResult(unit, diagnostics);
  }

  /**
   * Parses a standalone condition (a boolean expression over a frame, such as a planner's goal),
   * with the same limits and two-stage parse as a file. The expression is null when there were
   * syntax errors.
   */
  public static ConditionParse parseCondition(SourceFile source) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (source.text().length() > MAX_SOURCE_CHARS) {
      diagnostics.add(Diagnostic.error(Codes.SOURCE_TOO_LARGE, source, source.span(0, 0),
          "condition is " + source.text().length() + " characters; the limit is " + MAX_SOURCE_CHARS));
      return new ConditionParse(null, diagnostics);
    }
    CommonTokenStream tokens = new CommonTokenStream(lexer(source.text(), source.name()));
    tokens.fill();
    Diagnostic tooDeep = nestingCheck(source, tokens.getTokens());
    if (tooDeep != null) {
      diagnostics.add(tooDeep);
      return new ConditionParse(null, diagnostics);
    }
    NomosParser parser = new NomosParser(tokens);
    parser.removeErrorListeners();
    SyntaxErrorCollector collector = new SyntaxErrorCollector(source);
    parser.addErrorListener(collector);
    NomosParser.ConditionContext tree;
    try {
      tree = parser.condition();
    } catch (SyntaxErrorCollector.TooManyErrors stop) {
      tree = null;
    }
    diagnostics.addAll(collector.diagnostics());
    if (!collector.diagnostics().isEmpty() || tree == null) {
      return new ConditionParse(null, diagnostics);
    }
    return new ConditionParse(new AstBuilder(source, tokens).condition(tree), diagnostics);
  }

  /** A parsed condition: its expression (null on syntax errors) and the syntax diagnostics. */
  public record ConditionParse(dev.nomos.compiler.ast.Expr expr, List<Diagnostic> diagnostics) {
    public ConditionParse {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * A lexer whose token offsets are Java {@code char} (UTF-16) offsets, the unit of
   * {@link SourceFile}, {@code String} and the Language Server Protocol. ANTLR's own
   * {@code CharStreams.fromString} counts code points, which puts every position after a
   * character outside the Basic Multilingual Plane (an emoji in a comment) off by one. Console
   * error listeners are removed: problems become diagnostics or error tokens.
   */
  public static NomosLexer lexer(String text, String sourceName) {
    int[] units = new int[text.length()];
    for (int i = 0; i < units.length; i++) {
      units[i] = text.charAt(i);
    }
    CodePointBuffer buffer = CodePointBuffer.withInts(IntBuffer.wrap(units));
    NomosLexer lexer = new NomosLexer(CodePointCharStream.fromBuffer(buffer, sourceName));
    lexer.removeErrorListeners();
    return lexer;
  }

  /**
   * SLL with bail-out is right for almost every input and much faster; only inputs it cannot
   * decide (or that have errors) pay for full LL with error recovery.
   */
  private static NomosParser.FileContext parseTwoStage(SourceFile source, CommonTokenStream tokens,
      List<Diagnostic> diagnostics) {
    NomosParser parser = new NomosParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return parser.file();
    } catch (ParseCancellationException sllFailed) {
      tokens.seek(0);
      parser.reset();
      SyntaxErrorCollector collector = new SyntaxErrorCollector(source);
      parser.addErrorListener(collector);
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new DefaultErrorStrategy());
      NomosParser.FileContext tree;
      try {
        tree = parser.file();
      } catch (SyntaxErrorCollector.TooManyErrors stop) {
        tree = null;
      }
      diagnostics.addAll(collector.diagnostics());
      return tree;
    }
  }

  /**
   * Bounds the depth of every tree built from these tokens, before anything recursive sees them:
   * bracket depth, runs of prefix operators, and the binary operators on the path from an
   * expression's root to any leaf (a flat chain {@code x * 1 * 1 ...} nests one level per operator).
   * Operators at one bracket level count until a token that starts a sibling expression (a comma,
   * {@code then}, {@code :=} ...). With every path bounded, the parser, checker, formatter and both
   * engines stay far inside the default thread stack, so the outcome never depends on the JVM.
   */
  private static Diagnostic nestingCheck(SourceFile source, List<Token> tokens) {
    int depth = 0;
    int prefixRun = 0;
    int[] operatorsAtLevel = new int[MAX_NESTING + 2];
    int operatorsOnPath = 0;
    for (Token t : tokens) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      int type = t.getType();
      if (type == NomosLexer.LPAREN || type == NomosLexer.LBRACE) {
        depth++;
        if (depth <= MAX_NESTING) {
          operatorsAtLevel[depth] = 0;
        }
      } else if (type == NomosLexer.RPAREN || type == NomosLexer.RBRACE) {
        if (depth > 0) {
          operatorsOnPath -= operatorsAtLevel[depth];
          operatorsAtLevel[depth] = 0;
          depth--;
        }
      } else if (BINARY_OPERATORS.contains(type)) {
        operatorsAtLevel[depth]++;
        operatorsOnPath++;
      } else if (SIBLING_STARTS.contains(type)) {
        operatorsOnPath -= operatorsAtLevel[depth];
        operatorsAtLevel[depth] = 0;
      }
      boolean prefix = type == NomosLexer.MINUS || type == NomosLexer.NOT || type == NomosLexer.IF
          || type == NomosLexer.LPAREN;
      prefixRun = prefix ? prefixRun + 1 : 0;
      if (depth > MAX_NESTING || prefixRun > MAX_NESTING) {
        return tooDeep(source, t, "expressions are nested more than " + MAX_NESTING + " levels deep");
      }
      if (operatorsOnPath > MAX_CHAINED_OPERATORS) {
        return tooDeep(source, t, "an expression chains more than " + MAX_CHAINED_OPERATORS + " operators");
      }
    }
    return null;
  }

  /**
   * Refuses the first bidirectional-text control character (embeddings, overrides, isolates and
   * marks), anywhere: in a comment or string it can reorder what an editor or review tool shows, so
   * that the code read is not the code run ("Trojan Source").
   */
  private static Diagnostic bidiCheck(SourceFile source) {
    String text = source.text();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
          || c == '\u061C') {
        return Diagnostic.error(Codes.BIDI_CONTROL, source, source.span(i, i + 1),
                String.format("bidirectional-text control character U+%04X", (int) c))
            .withHint("delete it: it can make the text shown differ from the text compiled");
      }
    }
    return null;
  }

  private static Diagnostic tooDeep(SourceFile source, Token at, String message) {
    return Diagnostic.error(Codes.NESTING_TOO_DEEP, source, source.span(at.getStartIndex(), at.getStopIndex() + 1),
            message)
        .withHint("flatten the expression or split it into several laws");
  }

  /** Tokens that join two expressions into one, one tree level deeper. */
  private static final java.util.Set<Integer> BINARY_OPERATORS = java.util.Set.of(NomosLexer.STAR, NomosLexer.SLASH,
      NomosLexer.PERCENT, NomosLexer.PLUS, NomosLexer.MINUS, NomosLexer.EQ, NomosLexer.NE, NomosLexer.LT,
      NomosLexer.LE, NomosLexer.GT, NomosLexer.GE, NomosLexer.AND, NomosLexer.OR, NomosLexer.IN);

  /** Tokens after which a new expression begins beside (not below) the one before. */
  private static final java.util.Set<Integer> SIBLING_STARTS = java.util.Set.of(NomosLexer.COMMA, NomosLexer.THEN,
      NomosLexer.ELSE, NomosLexer.WHEN, NomosLexer.ASSIGN, NomosLexer.EQ_SIGN, NomosLexer.COLON, NomosLexer.SEMI,
      NomosLexer.WHERE, NomosLexer.LAW, NomosLexer.CONSTRAINT, NomosLexer.FOR, NomosLexer.ON, NomosLexer.TILDE);
}
