package dev.nomos.lsp.internal;

import dev.nomos.compiler.source.Span;
import dev.nomos.grammar.NomosLexer;
import dev.nomos.stdlib.Stdlib;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Resolves the name under the cursor from tokens alone, for laws that do not parse yet (the AST
 * leaves them out): variables bound earlier in the law, their attributes, entity types, stdlib
 * functions, actions and sides. Hover and go-to-definition use it when the index has nothing.
 */
final class LexicalResolver {
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
    LexicalScope scope = LexicalScope.at(tokens, token.getStartIndex());
    Token previous = previous(tokens, index, 1);
    Token beforePrevious = previous(tokens, index, 2);
    WorldView world = a.world();
    if (previous != null && previous.getType() == NomosLexer.DOT && beforePrevious != null) {
      String type = scope.variables().get(beforePrevious.getText());
      if (type == null || type.equals("step")) {
        return Optional.empty();
      }
      if (world.attribute(type, name).isPresent()) {
        return Optional.of(new Occurrence(a.uri(), span, SymbolKey.attribute(type, name), false, type));
      }
      if (Builtins.ATTRIBUTES.containsKey(name)) {
        return Optional.of(new Occurrence(a.uri(), span, SymbolKey.attribute(SymbolKey.BUILTIN, name), false, type));
      }
      return Optional.empty();
    }
    Token declaration = scope.declarations().get(name);
    if (scope.block() == LexicalScope.Block.LAW && declaration != null) {
      SymbolKey key = new SymbolKey(SymbolKind.BINDER, a.uri() + "@" + declaration.getStartIndex(), name);
      return Optional.of(new Occurrence(a.uri(), span, key, declaration == token, scope.variables().get(name)));
    }
    if (world.entity(name).isPresent() || name.equals(Builtins.OBJECT)) {
      return Optional.of(new Occurrence(a.uri(), span, SymbolKey.entity(name), false, null));
    }
    Token next = index + 1 < tokens.size() ? next(tokens, index) : null;
    if (next != null && next.getType() == NomosLexer.LPAREN && Stdlib.lookup(name).isPresent()) {
      return Optional.of(new Occurrence(a.uri(), span, new SymbolKey(SymbolKind.FUNCTION, "", name), false, null));
    }
    if (world.actions().containsKey(name)) {
      return Optional.of(new Occurrence(a.uri(), span, new SymbolKey(SymbolKind.ACTION, "action", name), false, null));
    }
    if (Builtins.SIDES.contains(name)) {
      return Optional.of(new Occurrence(a.uri(), span, new SymbolKey(SymbolKind.SYMBOL, "Side", name), false, null));
    }
    return Optional.empty();
  }

  /** The declaration of a binder key made by {@link #resolve} ("uri@offset"). */
  static Optional<Occurrence> binderDeclaration(Analysis a, SymbolKey key) {
    String prefix = a.uri() + "@";
    if (key.kind() != SymbolKind.BINDER || !key.scope().startsWith(prefix)) {
      return Optional.empty();
    }
    int start = Integer.parseInt(key.scope().substring(prefix.length()));
    return a.tokens().stream().filter(t -> t.getStartIndex() == start && t.getText().equals(key.name())).findFirst()
        .map(t -> new Occurrence(a.uri(), span(a, t), key, true, null));
  }

  private static Span span(Analysis a, Token t) {
    return a.source().span(t.getStartIndex(), t.getStopIndex() + 1);
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
