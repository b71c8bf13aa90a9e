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
 * {@link #MAX_SOURCE_CHARS} and nesting over {@link #MAX_NESTING} are refused with one diagnostic
 * before ANTLR sees them, console listeners are replaced by one collector, recovery stops after
 * {@link SyntaxErrorCollector#MAX_ERRORS} errors, and the fast SLL mode is tried before full LL.
 */
public final class Parser {
  public static final int MAX_SOURCE_CHARS = 1 << 20;
  public static final int MAX_NESTING = 64;

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
    NomosLexer lexer = lexer(source.text(), source.name());
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    Diagnostic tooDeep = nestingCheck(source, tokens.getTokens());
    if (tooDeep != null) {
      diagnostics.add(tooDeep);
      return new ParseResult(empty, diagnostics);
    }
    try {
      NomosParser.FileContext tree = parseTwoStage(source, tokens, diagnostics);
      SourceUnit unit = new AstBuilder(source, tokens).build(tree);
      return new ParseResult(unit, diagnostics);
    } catch (StackOverflowError tooDeepForTheStack) {
      // Long flat operator chains nest the tree without nesting brackets; refuse them the same way.
      diagnostics.add(Diagnostic.error(Codes.NESTING_TOO_DEEP, source, source.span(0, 0),
          "an expression is too long or too deeply nested to compile")
          .withHint("split the expression or the law into smaller ones"));
      return new ParseResult(empty, diagnostics);
    }
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
    } catch (StackOverflowError tooDeepForTheStack) {
      diagnostics.add(Diagnostic.error(Codes.NESTING_TOO_DEEP, source, source.span(0, 0),
          "the condition is too long or too deeply nested to compile"));
      return new ConditionParse(null, diagnostics);
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

  /** Counts bracket and prefix-operator depth on tokens so the recursive parser never overflows. */
  private static Diagnostic nestingCheck(SourceFile source, List<Token> tokens) {
    int depth = 0;
    int prefixRun = 0;
    for (Token t : tokens) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      int type = t.getType();
      if (type == NomosLexer.LPAREN || type == NomosLexer.LBRACE) {
        depth++;
      } else if (type == NomosLexer.RPAREN || type == NomosLexer.RBRACE) {
        depth = Math.max(0, depth - 1);
      }
      boolean prefix = type == NomosLexer.MINUS || type == NomosLexer.NOT || type == NomosLexer.IF
          || type == NomosLexer.LPAREN;
      prefixRun = prefix ? prefixRun + 1 : 0;
      if (depth > MAX_NESTING || prefixRun > MAX_NESTING) {
        int start = t.getStartIndex();
        return Diagnostic.error(Codes.NESTING_TOO_DEEP, source, source.span(start, t.getStopIndex() + 1),
            "expressions are nested more than " + MAX_NESTING + " levels deep")
            .withHint("flatten the expression or split it into several laws");
      }
    }
    return null;
  }
}
