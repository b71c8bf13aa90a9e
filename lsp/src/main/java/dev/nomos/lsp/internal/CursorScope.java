package dev.nomos.lsp.internal;

import dev.nomos.compiler.ast.ConstraintDecl;
import dev.nomos.compiler.ast.DefDecl;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.TopDecl;
import dev.nomos.compiler.ast.WorldDecl;
import dev.nomos.compiler.ast.WorldItem;
import dev.nomos.compiler.meaning.Declaration;
import dev.nomos.compiler.source.Span;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What completion knows of the cursor's place: the block it is in and the variables visible there.
 * Where the checker read the text around the cursor, both come from the parse and the meaning
 * (each variable exactly where the checker scoped it); in a declaration that does not parse, which
 * the checker leaves alone, from the tokens before the cursor ({@link LexicalScope}).
 */
public record CursorScope(Block block, Map<String, Variable> variables) {

  /** The kind of block the cursor is in. */
  public enum Block { TOP, WORLD, ENTITY, LAW, DEFINITION }

  /** A variable in scope: an object variable (of a type), a history step, or a parameter's value. */
  public record Variable(String name, Declaration.Kind kind, String type) {
    public boolean object() {
      return kind == Declaration.Kind.BINDER;
    }

    /** How completion describes it. */
    public String detail() {
      return switch (kind) {
        case STEP -> name + ": history step";
        case CASE_PARAMETER -> name + ": case parameter";
        default -> name + ": " + type;
      };
    }
  }

  public CursorScope {
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /** The entity type of the object variable {@code name} in scope, or null (no such variable, or not an object). */
  public String objectType(String name) {
    Variable v = variables.get(name);
    return v != null && v.object() ? v.type() : null;
  }

  /** The scope at {@code offset} of the text {@code a} analysed: the checker's where it checked it, else the tokens'. */
  public static CursorScope of(Analysis a, int offset) {
    return checked(a, offset).orElseGet(() -> lexical(LexicalScope.at(a.tokens(), offset)));
  }

  /** The scope read from tokens, for text the checker did not read. */
  public static CursorScope lexical(LexicalScope scope) {
    Map<String, Variable> variables = new LinkedHashMap<>();
    scope.variables().forEach((name, type) -> variables.put(name, type.equals(LexicalScope.STEP)
        ? new Variable(name, Declaration.Kind.STEP, "int") : new Variable(name, Declaration.Kind.BINDER, type)));
    return new CursorScope(scope.block(), variables);
  }

  /**
   * The scope the parse and the checker give at {@code offset}: empty where the declaration around
   * it (or, between declarations, the file) has a syntax error.
   */
  static Optional<CursorScope> checked(Analysis a, int offset) {
    Optional<TopDecl> around = a.unit().decls().stream().filter(d -> inside(a.text(), d.span(), offset)).findFirst();
    if (around.isEmpty()) {
      return a.parse().hasErrors() ? Optional.empty() : Optional.of(new CursorScope(Block.TOP, Map.of()));
    }
    if (a.hasSyntaxErrorIn(around.get().span())) {
      return Optional.empty();
    }
    Map<String, Variable> variables = new LinkedHashMap<>();
    for (Declaration d : a.meaning().visibleAt(a.source(), offset)) {
      variables.put(d.name(), new Variable(d.name(), d.kind(), d.detail()));
    }
    return Optional.of(new CursorScope(block(a, around.get(), offset), variables));
  }

  /** Whether the cursor is in {@code span}: at its end only while it ends in a word (right after a closing brace it is outside). */
  private static boolean inside(String text, Span span, int offset) {
    return span.start() <= offset && (offset < span.end()
        || offset == span.end() && span.end() > 0 && text.charAt(span.end() - 1) != '}');
  }

  private static Block block(Analysis a, TopDecl d, int offset) {
    if (d instanceof WorldDecl w) {
      boolean inEntity = w.items().stream().anyMatch(i -> i instanceof WorldItem.Entity e && inside(a.text(), e.span(), offset)
          && opened(a.text(), e.span().start(), offset));
      return inEntity ? Block.ENTITY : Block.WORLD;
    }
    if (d instanceof LawDecl || d instanceof ConstraintDecl) {
      return Block.LAW;
    }
    return d instanceof DefDecl ? Block.DEFINITION : Block.TOP;
  }

  /** Whether a {@code {} opens between {@code from} and {@code offset}: the cursor is inside an entity's braces. */
  private static boolean opened(String text, int from, int offset) {
    int brace = text.indexOf('{', from);
    return brace >= 0 && brace < offset;
  }
}
