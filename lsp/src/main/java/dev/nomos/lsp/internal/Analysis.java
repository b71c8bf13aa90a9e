package dev.nomos.lsp.internal;

import dev.nomos.compiler.ParseResult;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.Parser;
import dev.nomos.grammar.NomosLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Everything editor features know about one version of one file: its text, parse, the files it
 * {@code use}s, its world, every resolved name, and its tokens (comments included).
 */
public final class Analysis {
  private final String uri;
  private final ParseResult parse;
  private final List<UnitRef> used;
  private final WorldView world;
  private final List<Occurrence> occurrences;
  private final List<Occurrence> usedDeclarations;
  private List<Token> tokens;

  Analysis(String uri, ParseResult parse, List<UnitRef> used) {
    this.uri = uri;
    this.parse = parse;
    this.used = List.copyOf(used);
    List<UnitRef> all = new ArrayList<>();
    all.add(new UnitRef(uri, parse.unit()));
    all.addAll(used);
    this.world = WorldView.of(all);
    this.occurrences = List.copyOf(IndexBuilder.build(uri, parse.unit(), world));
    List<Occurrence> decls = new ArrayList<>();
    for (UnitRef ref : used) {
      SourceUnit worldsOnly = new SourceUnit(ref.unit().source(), List.of(), ref.unit().decls().stream()
          .filter(d -> d instanceof dev.nomos.compiler.ast.WorldDecl || d instanceof dev.nomos.compiler.ast.DefDecl)
          .toList(), ref.unit().span());
      IndexBuilder.build(ref.uri(), worldsOnly, world).stream().filter(Occurrence::declaration).forEach(decls::add);
    }
    this.usedDeclarations = List.copyOf(decls);
  }

  public String uri() { return uri; }
  public SourceFile source() { return parse.unit().source(); }
  public String text() { return source().text(); }
  public ParseResult parse() { return parse; }
  public SourceUnit unit() { return parse.unit(); }
  public List<UnitRef> used() { return used; }
  public WorldView world() { return world; }
  public List<Occurrence> occurrences() { return occurrences; }

  /** All tokens of the file on every channel, lexed on first use. */
  public synchronized List<Token> tokens() {
    if (tokens == null) {
      NomosLexer lexer = Parser.lexer(text(), "editor");
      List<Token> all = new ArrayList<>();
      for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
        all.add(t);
      }
      tokens = List.copyOf(all);
    }
    return tokens;
  }

  /**
   * The resolved name under (or just before) the offset; in a law that does not parse, what the
   * tokens around it say.
   */
  public Optional<Occurrence> occurrenceAt(int offset) {
    Optional<Occurrence> indexed = occurrences.stream()
        .filter(o -> o.span().start() <= offset && offset <= o.span().end()).findFirst();
    if (indexed.isPresent() || lawAt(offset).isPresent()) {
      return indexed;
    }
    return LexicalResolver.resolve(this, offset);
  }

  /** Where a key is declared: in this file, or in a world file this one uses. */
  public Optional<Occurrence> declarationOf(SymbolKey key) {
    return occurrences.stream().filter(o -> o.declaration() && o.key().equals(key)).findFirst()
        .or(() -> usedDeclarations.stream().filter(o -> o.key().equals(key)).findFirst())
        .or(() -> LexicalResolver.binderDeclaration(this, key));
  }

  /** The law whose text contains the offset. */
  public Optional<LawDecl> lawAt(int offset) {
    return unit().laws().stream().filter(l -> l.span().start() <= offset && offset <= l.span().end()).findFirst();
  }
}
