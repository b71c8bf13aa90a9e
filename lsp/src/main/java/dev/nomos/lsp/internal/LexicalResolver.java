package dev.nomos.lsp.internal;

import dev.nomos.compiler.meaning.Declaration;
import dev.nomos.compiler.meaning.LanguageDescriptor;
import dev.nomos.compiler.meaning.Meaning;
import dev.nomos.compiler.source.Span;
import dev.nomos.grammar.NomosLexer;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Resolves the name under the cursor from tokens alone, for laws that do not parse yet (the AST
 * leaves them out, so the checker never saw them): variables bound earlier in the law, their
 * attributes, entity types, stdlib functions, actions and sides, looked up in what the checker
 * declared. Hover and go-to-definition use it where the compilation's meaning has nothing.
 */
final class LexicalResolver {
  private static final LanguageDescriptor LANGUAGE = LanguageDescriptor.get();
  private LexicalResolver() {}

  static Optional<Occurrence> resolve(Analysis a, int offset) {
    List<Token> tokens = a.tokens();
    int index = -1;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL && t.getType() == NomosLexer.ID
          && t.getStartIndex() <= offset && offset <= t.getStopIndex() + 1) {
        index = i;
        break;
      }
    }
    if (index < 0) {
      return Optional.empty();
    }
    Token token = tokens.get(index);
    String name = token.getText();
    Span span = span(a, token);
    LexicalScope scope = LexicalScope.at(tokens, scopeEnd(tokens, index));
    Token previous = previous(tokens, index, 1);
    Token beforePrevious = previous(tokens, index, 2);
    Meaning meaning = a.meaning();
    if (previous != null && previous.getType() == NomosLexer.DOT && beforePrevious != null) {
      String type = scope.variables().get(beforePrevious.getText());
      if (type == null || type.equals(LexicalScope.STEP)) {
        return Optional.empty();
      }
      Optional<Declaration> attribute = meaning.declaration(Declaration.Kind.ATTRIBUTE, type, name);
      if (attribute.isPresent()) {
        return Optional.of(resolved(a, span, attribute.get(), type));
      }
      return LANGUAGE.builtIn(Declaration.Kind.ATTRIBUTE, name).map(d -> resolved(a, span, d, type));
    }
    Token declaration = scope.declarations().get(name);
    if (scope.block() == CursorScope.Block.LAW && declaration != null) {
      SymbolKey key = SymbolKey.binder(a.uri(), declaration.getStartIndex(), name);
      return Optional.of(new Occurrence(a.uri(), span, key, declaration == token, scope.variables().get(name), null));
    }
    Optional<Declaration> entity = meaning.declaration(Declaration.Kind.ENTITY, "", name);
    if (entity.isPresent()) {
      return Optional.of(resolved(a, span, entity.get(), null));
    }
    if (name.equals(LanguageDescriptor.ANY_TYPE)) {
      return LANGUAGE.builtIn(Declaration.Kind.ENTITY, name).map(d -> resolved(a, span, d, null));
    }
    Token next = index + 1 < tokens.size() ? next(tokens, index) : null;
    if (next != null && next.getType() == NomosLexer.LPAREN && LANGUAGE.function(name).isPresent()) {
      return LANGUAGE.builtIn(Declaration.Kind.FUNCTION, name).map(d -> resolved(a, span, d, null));
    }
    Optional<Declaration> action = meaning.declaration(Declaration.Kind.ACTION, "action", name);
    if (action.isPresent()) {
      return Optional.of(resolved(a, span, action.get(), "action"));
    }
    return LANGUAGE.builtIn(Declaration.Kind.SYMBOL, name).map(d -> resolved(a, span, d, "Side"));
  }

  /** An occurrence, read from tokens, of something the checker declared. */
  private static Occurrence resolved(Analysis a, Span span, Declaration d, String detail) {
    return new Occurrence(a.uri(), span, SymbolKey.of(d, a.declaredIn(d)), false, detail, d);
  }

  /** The declaration of a binder key made by {@link #resolve} ("uri@offset"). */
  static Optional<Occurrence> binderDeclaration(Analysis a, SymbolKey key) {
    String prefix = a.uri() + "@";
    if (key.kind() != SymbolKind.BINDER || !key.scope().startsWith(prefix)) {
      return Optional.empty();
    }
    int start = Integer.parseInt(key.scope().substring(prefix.length()));
    return a.tokens().stream().filter(t -> t.getStartIndex() == start && t.getText().equals(key.name())).findFirst()
        .map(t -> new Occurrence(a.uri(), span(a, t), key, true, null, null));
  }

  private static Span span(Analysis a, Token t) {
    return a.source().span(t.getStartIndex(), t.getStopIndex() + 1);
  }

  /** Where the scope of the name at {@code index} is read: after its {@code : Type} when it declares a variable. */
  private static int scopeEnd(List<Token> tokens, int index) {
    int colon = nextIndex(tokens, index);
    int type = colon < 0 ? -1 : nextIndex(tokens, colon);
    if (type >= 0 && tokens.get(colon).getType() == NomosLexer.COLON && tokens.get(type).getType() == NomosLexer.ID) {
      return tokens.get(type).getStopIndex() + 1;
    }
    return tokens.get(index).getStartIndex();
  }

  private static int nextIndex(List<Token> tokens, int index) {
    for (int i = index + 1; i < tokens.size(); i++) {
      if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
        return i;
      }
    }
    return -1;
  }

  private static Token previous(List<Token> tokens, int index, int steps) {
    int found = 0;
    for (int i = index - 1; i >= 0; i--) {
      if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL && ++found == steps) {
        return tokens.get(i);
      }
    }
    return null;
  }

  private static Token next(List<Token> tokens, int index) {
    for (int i = index + 1; i < tokens.size(); i++) {
      if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
        return tokens.get(i);
      }
    }
    return null;
  }
}
