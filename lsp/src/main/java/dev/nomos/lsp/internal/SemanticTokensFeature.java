package dev.nomos.lsp.internal;

import dev.nomos.compiler.ast.Effect;
import dev.nomos.compiler.ast.FloorDecl;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.TopDecl;
import dev.nomos.grammar.NomosLexer;
import dev.nomos.stdlib.Stdlib;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.eclipse.lsp4j.SemanticTokenModifiers;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;

/**
 * Semantic tokens from the lexer (keywords, numbers, strings, comments, operators) and the resolved
 * names (types, variables, properties, functions, enum members), so an editor colours a symbol
 * differently from a variable even where a TextMate grammar cannot tell them apart.
 */
public final class SemanticTokensFeature {
  public static final List<String> TYPES = List.of(SemanticTokenTypes.Keyword, SemanticTokenTypes.Type,
      SemanticTokenTypes.Variable, SemanticTokenTypes.Property, SemanticTokenTypes.Function,
      SemanticTokenTypes.EnumMember, SemanticTokenTypes.Number, SemanticTokenTypes.Comment,
      SemanticTokenTypes.String, SemanticTokenTypes.Operator, SemanticTokenTypes.Namespace,
      SemanticTokenTypes.Parameter);
  public static final List<String> MODIFIERS = List.of(SemanticTokenModifiers.Declaration,
      SemanticTokenModifiers.Documentation, SemanticTokenModifiers.Readonly, SemanticTokenModifiers.DefaultLibrary);

  public static final SemanticTokensLegend LEGEND = new SemanticTokensLegend(TYPES, MODIFIERS);

  /** One classified token, before encoding (tests read these). */
  public record Classified(int line, int column, int length, String type, List<String> modifiers) {}

  private SemanticTokensFeature() {}

  public static SemanticTokens tokens(Analysis a) {
    return encode(classify(a));
  }

  /** The tokens that overlap {@code range} (a client asks for the visible part of a long file first). */
  public static SemanticTokens tokens(Analysis a, org.eclipse.lsp4j.Range range) {
    int fromLine = range.getStart().getLine();
    int toLine = range.getEnd().getLine();
    return encode(classify(a).stream().filter(c -> c.line() > fromLine && c.line() < toLine
        || c.line() == fromLine && c.column() + c.length() > range.getStart().getCharacter()
            && (c.line() < toLine || c.column() < range.getEnd().getCharacter())
        || c.line() == toLine && c.line() > fromLine && c.column() < range.getEnd().getCharacter()).toList());
  }

  /** LSP's relative encoding: five integers per token, each position relative to the previous token. */
  private static SemanticTokens encode(List<Classified> classified) {
    List<Integer> data = new ArrayList<>();
    int prevLine = 0;
    int prevColumn = 0;
    for (Classified c : classified) {
      int deltaLine = c.line() - prevLine;
      data.add(deltaLine);
      data.add(deltaLine == 0 ? c.column() - prevColumn : c.column());
      data.add(c.length());
      data.add(TYPES.indexOf(c.type()));
      int bits = 0;
      for (String m : c.modifiers()) {
        bits |= 1 << MODIFIERS.indexOf(m);
      }
      data.add(bits);
      prevLine = c.line();
      prevColumn = c.column();
    }
    return new SemanticTokens(data);
  }

  /**
   * Where a contextual word is used as one (source offsets): {@code floor} opening a floor
   * declaration, {@code def} and {@code enum} opening a definition and a symbol type, {@code stay} as
   * an alternative of a joint choice, {@code with probability [fitted]} of a creation, and
   * {@code next} reading the next frame in a constraint's guard.
   */
  public static Set<Integer> floorWords(Analysis a) {
    Set<Integer> starts = new HashSet<>();
    List<int[]> chances = new ArrayList<>();
    for (TopDecl d : a.unit().decls()) {
      if (d instanceof FloorDecl f) {
        starts.add(f.name().span().start());
      } else if (d instanceof dev.nomos.compiler.ast.DefDecl def) {
        starts.add(def.keyword().span().start());
      } else if (d instanceof dev.nomos.compiler.ast.WorldDecl w) {
        w.items().stream().filter(dev.nomos.compiler.ast.WorldItem.Enum.class::isInstance)
            .forEach(item -> starts.add(((dev.nomos.compiler.ast.WorldItem.Enum) item).keyword().span().start()));
      } else if (d instanceof dev.nomos.compiler.ast.ConstraintDecl c && c.guard() != null) {
        nextCalls(c.guard(), starts);
      } else if (d instanceof LawDecl law) {
        for (Effect e : law.effects()) {
          if (e instanceof Effect.Create c && c.chance() != null) {
            chances.add(new int[] {c.chance().span().start(), c.chance().span().end()});
          }
          if (e instanceof Effect.Choose c) {
            c.alternatives().stream().filter(alt -> alt.stay() != null && alt.stay().text().equals("stay"))
                .forEach(alt -> starts.add(alt.stay().span().start()));
          }
        }
      }
    }
    for (Token t : a.tokens()) {
      if (t.getType() == NomosLexer.ID && CHANCE_WORDS.contains(t.getText())) {
        for (int[] c : chances) {
          if (t.getStartIndex() >= c[0] && t.getStartIndex() < c[1]) {
            starts.add(t.getStartIndex());
          }
        }
      }
    }
    return starts;
  }

  private static final Set<String> CHANCE_WORDS = Set.of("with", "probability", "fitted");

  /** The starts of the {@code next} of every {@code next(...)} in a constraint's guard. */
  private static void nextCalls(dev.nomos.compiler.ast.Expr e, Set<Integer> starts) {
    if (e instanceof dev.nomos.compiler.ast.Expr.Call call
        && call.function().text().equals(dev.nomos.compiler.meaning.LanguageDescriptor.NEXT)) {
      starts.add(call.function().span().start());
    } else if (e instanceof dev.nomos.compiler.ast.Expr.Binary b) {
      nextCalls(b.left(), starts);
      nextCalls(b.right(), starts);
    } else if (e instanceof dev.nomos.compiler.ast.Expr.Unary u) {
      nextCalls(u.operand(), starts);
    } else if (e instanceof dev.nomos.compiler.ast.Expr.If i) {
      nextCalls(i.condition(), starts);
      nextCalls(i.then(), starts);
      nextCalls(i.otherwise(), starts);
    }
  }

  /** Where the channel names of floor declarations are (source offsets). */
  private static Set<Integer> floorChannels(Analysis a) {
    Set<Integer> starts = new HashSet<>();
    for (TopDecl d : a.unit().decls()) {
      if (d instanceof FloorDecl f) {
        f.items().forEach(item -> starts.add(item.channel().span().start()));
      }
    }
    return starts;
  }

  public static List<Classified> classify(Analysis a) {
    Set<Integer> floorWords = floorWords(a);
    Set<Integer> floorChannels = floorChannels(a);
    Map<Integer, Occurrence> byStart = new HashMap<>();
    for (Occurrence o : a.occurrences()) {
      byStart.putIfAbsent(o.span().start(), o);
    }
    List<Token> tokens = a.tokens();
    List<Classified> result = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      String type;
      List<String> modifiers = List.of();
      int kind = t.getType();
      if (kind == NomosLexer.DOC_COMMENT) {
        type = SemanticTokenTypes.Comment;
        modifiers = List.of(SemanticTokenModifiers.Documentation);
      } else if (kind == NomosLexer.LINE_COMMENT) {
        type = SemanticTokenTypes.Comment;
      } else if (kind == NomosLexer.INT || kind == NomosLexer.DECIMAL) {
        type = SemanticTokenTypes.Number;
      } else if (kind == NomosLexer.STRING) {
        type = SemanticTokenTypes.String;
      } else if (kind == NomosLexer.INT_TYPE || kind == NomosLexer.BOOL_TYPE) {
        type = SemanticTokenTypes.Type;
        modifiers = List.of(SemanticTokenModifiers.DefaultLibrary);
      } else if (kind >= NomosLexer.USE && kind <= NomosLexer.CHOOSE && !floorChannels.contains(t.getStartIndex())
          || kind == NomosLexer.ID && floorWords.contains(t.getStartIndex())) {
        type = SemanticTokenTypes.Keyword;
      } else if (floorChannels.contains(t.getStartIndex())) {
        type = SemanticTokenTypes.Property;
      } else if (isOperator(kind)) {
        type = SemanticTokenTypes.Operator;
      } else if (kind == NomosLexer.ID) {
        Occurrence o = byStart.get(t.getStartIndex());
        if (o == null && a.parse().hasErrors() && a.unparsed(t.getStartIndex())) {
          o = a.occurrenceAt(t.getStartIndex()).filter(found -> found.span().start() == t.getStartIndex()).orElse(null);
        }
        Classified named = o != null ? named(t, o) : unresolved(t, i + 1 < tokens.size() ? tokens.get(i + 1) : null);
        if (named != null) {
          result.add(named);
        }
        continue;
      } else {
        continue;
      }
      result.add(new Classified(t.getLine() - 1, t.getCharPositionInLine(), length(t), type, modifiers));
    }
    return result;
  }

  private static Classified named(Token t, Occurrence o) {
    List<String> modifiers = new ArrayList<>();
    if (o.declaration()) {
      modifiers.add(SemanticTokenModifiers.Declaration);
    }
    if (o.key().builtin()) {
      modifiers.add(SemanticTokenModifiers.DefaultLibrary);
    }
    String type = switch (o.key().kind()) {
      case WORLD -> SemanticTokenTypes.Namespace;
      case ENTITY -> SemanticTokenTypes.Type;
      case SYMBOL_TYPE -> SemanticTokenTypes.Enum;
      case KEYWORD -> SemanticTokenTypes.Keyword;
      case ATTRIBUTE -> SemanticTokenTypes.Property;
      case LAW, FUNCTION, DEFINITION -> SemanticTokenTypes.Function;
      case BINDER -> SemanticTokenTypes.Variable;
      case ACTION, SYMBOL -> SemanticTokenTypes.EnumMember;
      case OPTION -> SemanticTokenTypes.Parameter;
    };
    if (o.key().kind() == SymbolKind.ATTRIBUTE && o.key().builtin() && !isTarget(o.key().name())) {
      modifiers.add(SemanticTokenModifiers.Readonly);
    }
    return new Classified(t.getLine() - 1, t.getCharPositionInLine(), length(t), type, List.copyOf(modifiers));
  }

  private static boolean isTarget(String builtin) {
    return List.of("x", "y", "vx", "vy", "alive").contains(builtin);
  }

  /** Names the index could not resolve (a half-typed law): a call is still a function. */
  private static Classified unresolved(Token t, Token next) {
    if (next != null && next.getType() == NomosLexer.LPAREN && Stdlib.lookup(t.getText()).isPresent()) {
      return new Classified(t.getLine() - 1, t.getCharPositionInLine(), length(t), SemanticTokenTypes.Function,
          List.of(SemanticTokenModifiers.DefaultLibrary));
    }
    return null;
  }

  private static boolean isOperator(int kind) {
    return kind == NomosLexer.ASSIGN || kind == NomosLexer.TILDE || kind == NomosLexer.EQ || kind == NomosLexer.NE
        || kind == NomosLexer.LE || kind == NomosLexer.GE || kind == NomosLexer.LT || kind == NomosLexer.GT
        || kind == NomosLexer.PLUS || kind == NomosLexer.MINUS || kind == NomosLexer.STAR
        || kind == NomosLexer.SLASH || kind == NomosLexer.PERCENT || kind == NomosLexer.DOTDOT
        || kind == NomosLexer.AT_SIGN || kind == NomosLexer.HOLE;
  }

  private static int length(Token t) {
    return t.getText().length();
  }
}
