package dev.nomos.lsp.internal;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.ParseResult;
import dev.nomos.compiler.Parser;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.SourceUnit;
import dev.nomos.compiler.meaning.Declaration;
import dev.nomos.compiler.meaning.Meaning;
import dev.nomos.compiler.meaning.Reference;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;
import dev.nomos.grammar.NomosLexer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.Token;

/**
 * Everything editor features know about one version of one file: its text and parse, the one
 * compilation of it with the files it {@code use}s (diagnostics, and the meaning the checker
 * resolved: every name's declaration, every expression's type), and its tokens (comments included).
 */
public final class Analysis {
  private final String uri;
  private final ParseResult parse;
  private final Compilation compilation;
  private final Map<SourceFile, String> uris;
  private final List<UnitRef> used;
  private final List<Occurrence> occurrences;
  private final List<Occurrence> declarations;
  private List<Token> tokens;

  /** {@code uris}: the URI of every file of the compilation (the first unit is this file, parsed as {@code parse}). */
  Analysis(String uri, ParseResult parse, Compilation compilation, Map<SourceFile, String> uris) {
    this.uri = uri;
    this.parse = parse;
    this.compilation = compilation;
    this.uris = new IdentityHashMap<>(uris);
    this.uris.put(parse.unit().source(), uri);
    List<UnitRef> usedUnits = new ArrayList<>();
    for (SourceUnit unit : compilation.units()) {
      if (unit != parse.unit() && unit.source() != parse.unit().source() && uris.containsKey(unit.source())) {
        usedUnits.add(new UnitRef(uris.get(unit.source()), unit));
      }
    }
    this.used = List.copyOf(usedUnits);
    List<Occurrence> here = new ArrayList<>();
    List<Occurrence> declared = new ArrayList<>();
    for (Reference r : compilation.meaning().references()) {
      String in = this.uris.get(r.source());
      if (in == null) {
        continue;
      }
      Occurrence o = Occurrence.of(in, r, declaredIn(r.target()));
      if (r.source() == source()) {
        here.add(o);
      }
      if (r.declaration()) {
        declared.add(o);
      }
    }
    this.occurrences = List.copyOf(here);
    this.declarations = List.copyOf(declared);
  }

  public String uri() { return uri; }
  public SourceFile source() { return parse.unit().source(); }
  public String text() { return source().text(); }
  public ParseResult parse() { return parse; }
  public SourceUnit unit() { return parse.unit(); }
  public List<UnitRef> used() { return used; }
  public Compilation compilation() { return compilation; }
  public Meaning meaning() { return compilation.meaning(); }

  /** The resolved names of this file, by position. */
  public List<Occurrence> occurrences() { return occurrences; }

  /** The URI of the file a declaration of the sources is in (null for the language's own). */
  public String declaredIn(Declaration d) {
    return d.source() == null ? null : uris.get(d.source());
  }

  /** Where the model's world is declared ("uri#offset"), to tell whether two files share it. */
  public Optional<String> worldIdentity() {
    return meaning().declarations(Declaration.Kind.WORLD).stream().findFirst()
        .map(w -> declaredIn(w) + "#" + w.span().start());
  }

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
   * The resolved name under (or just before) the offset; in text that does not parse (which the
   * checker leaves alone), what the tokens around it say.
   */
  public Optional<Occurrence> occurrenceAt(int offset) {
    Optional<Occurrence> indexed = occurrences.stream()
        .filter(o -> o.span().start() <= offset && offset <= o.span().end()).findFirst();
    if (indexed.isPresent() || !unparsed(offset)) {
      return indexed;
    }
    return LexicalResolver.resolve(this, offset);
  }

  /**
   * Whether the offset lies in text the checker did not read: outside every law that parsed, or in
   * a law with a syntax error (error recovery rebuilt it, so the checker leaves it unchecked).
   */
  public boolean unparsed(int offset) {
    Optional<LawDecl> law = lawAt(offset);
    return law.isEmpty() || hasSyntaxErrorIn(law.get().span());
  }

  /** Whether the parse reported an error in {@code span} (then error recovery rebuilt what it covers). */
  public boolean hasSyntaxErrorIn(Span span) {
    return parse.diagnostics().stream().anyMatch(d -> d.isError()
        && span.start() <= d.span().start() && d.span().start() <= span.end());
  }

  /** Where a key is declared: in this file, or in a file this one uses. */
  public Optional<Occurrence> declarationOf(SymbolKey key) {
    return declarations.stream().filter(o -> o.key().equals(key)).findFirst()
        .or(() -> LexicalResolver.binderDeclaration(this, key));
  }

  /** The law whose text contains the offset. */
  public Optional<LawDecl> lawAt(int offset) {
    return unit().laws().stream().filter(l -> l.span().start() <= offset && offset <= l.span().end()).findFirst();
  }
}
