package dev.nomos.lsp.internal;

import dev.nomos.compiler.meaning.LanguageDescriptor;
import dev.nomos.lsp.internal.CursorScope.Block;
import dev.nomos.grammar.NomosLexer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * What surrounds a cursor, read from tokens rather than the AST: the fallback for text that does
 * not parse (the checker leaves it alone), as while a law is being typed, where completion must
 * still know the block it is in and the variables bound so far. Every variable bound earlier in the
 * law counts, whether or not its quantifier has closed; where the text parses, {@link CursorScope}
 * takes the checker's scopes instead.
 */
public final class LexicalScope {
  /** The type {@link #variables()} gives a history step variable. */
  public static final String STEP = "step";

  private final Block block;
  private final Map<String, String> variables;
  private final Map<String, Token> declarations;

  private LexicalScope(Block block, Map<String, String> variables, Map<String, Token> declarations) {
    this.block = block;
    this.variables = variables;
    this.declarations = declarations;
  }

  public Block block() { return block; }

  /** Variables bound before the cursor in its law, to their type ({@link #STEP} for history variables). */
  public Map<String, String> variables() { return variables; }

  /** The token where each variable in {@link #variables()} was bound. */
  public Map<String, Token> declarations() { return declarations; }

  public static LexicalScope at(List<Token> allTokens, int offset) {
    List<Token> tokens = new ArrayList<>();
    for (Token t : allTokens) {
      if (t.getStartIndex() >= offset) {
        break;
      }
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        tokens.add(t);
      }
    }
    int depth = 0;
    int blockStart = -1;
    int blockKeyword = -1;
    boolean entityOpen = false;
    for (int i = 0; i < tokens.size(); i++) {
      int type = tokens.get(i).getType();
      if (depth == 0 && (type == NomosLexer.WORLD || type == NomosLexer.LAW || type == NomosLexer.CONSTRAINT)) {
        // A constraint's body is a law's (binders, guard, requirements on targets), so it scopes as one.
        blockKeyword = type == NomosLexer.CONSTRAINT ? NomosLexer.LAW : type;
        blockStart = i;
      } else if (type == NomosLexer.LBRACE) {
        depth++;
        if (blockKeyword == NomosLexer.WORLD && depth == 2 && i >= 2
            && tokens.get(i - 2).getType() == NomosLexer.ENTITY) {
          entityOpen = true;
        }
      } else if (type == NomosLexer.RBRACE) {
        depth = Math.max(0, depth - 1);
        if (depth <= 1) {
          entityOpen = false;
        }
        if (depth == 0) {
          blockKeyword = -1;
        }
      }
    }
    if (blockKeyword == NomosLexer.WORLD) {
      return new LexicalScope(entityOpen ? Block.ENTITY : Block.WORLD, Map.of(), Map.of());
    }
    if (blockKeyword == NomosLexer.LAW) {
      Map<String, Token> declarations = new LinkedHashMap<>();
      Map<String, String> vars = variables(tokens.subList(blockStart, tokens.size()), declarations);
      return new LexicalScope(Block.LAW, vars, declarations);
    }
    return new LexicalScope(Block.TOP, Map.of(), Map.of());
  }

  /** {@code x: T} after for/,/(/exists/count, and {@code k} of {@code all|any|count k in}. */
  private static Map<String, String> variables(List<Token> law, Map<String, Token> declarations) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (int i = 1; i + 2 < law.size(); i++) {
      Token name = law.get(i);
      int before = law.get(i - 1).getType();
      if (name.getType() != NomosLexer.ID) {
        continue;
      }
      boolean binderStart = before == NomosLexer.FOR || before == NomosLexer.COMMA || before == NomosLexer.LPAREN
          || before == NomosLexer.EXISTS || before == NomosLexer.COUNT;
      if (binderStart && law.get(i + 1).getType() == NomosLexer.COLON && law.get(i + 2).getType() == NomosLexer.ID
          && LanguageDescriptor.get().optionDoc(name.getText()).isEmpty()) {
        vars.put(name.getText(), law.get(i + 2).getText());
        declarations.put(name.getText(), name);
      } else if ((before == NomosLexer.ALL || before == NomosLexer.ANY || before == NomosLexer.COUNT)
          && law.get(i + 1).getType() == NomosLexer.IN) {
        vars.put(name.getText(), STEP);
        declarations.put(name.getText(), name);
      }
    }
    return vars;
  }
}
