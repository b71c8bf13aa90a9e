package dev.nomos.compiler.meaning;

import dev.nomos.compiler.source.SourceFile;
import dev.nomos.compiler.source.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resolved meaning of a compilation, as its checker found it (in the manner of cel-java's
 * reference and type maps): every name occurrence with the declaration it stands for, and every
 * checked expression with its type. Editors, the learner and the docs read names and types here
 * instead of resolving them again. Immutable.
 *
 * <p>Laws that did not parse, and the parts of a law the checker could not resolve, have no
 * entries: an unknown name has a diagnostic instead.
 */
public final class Meaning {
  public static final Meaning EMPTY = new Meaning(List.of(), List.of(), List.of());

  private static final Comparator<Reference> BY_PLACE = Comparator
      .comparing((Reference r) -> r.source().name()).thenComparingInt(r -> r.span().start());

  private final List<Declaration> declarations;
  private final List<Reference> references;
  private final List<ExprType> types;

  private Meaning(List<Declaration> declarations, List<Reference> references, List<ExprType> types) {
    this.declarations = List.copyOf(declarations);
    List<Reference> sorted = new ArrayList<>(references);
    sorted.sort(BY_PLACE);
    this.references = List.copyOf(sorted);
    this.types = List.copyOf(types);
  }

  /** {@code declarations} in source order; references and types as the checker met them. */
  public static Meaning of(List<Declaration> declarations, List<Reference> references, List<ExprType> types) {
    return new Meaning(declarations, references, types);
  }

  /** Everything the sources declare, in the order the checker met it. */
  public List<Declaration> declarations() { return declarations; }

  /** Every resolved name occurrence, by file then position. */
  public List<Reference> references() { return references; }

  /** The type of every checked expression. */
  public List<ExprType> types() { return types; }

  /** The declarations of one kind, in source order. */
  public List<Declaration> declarations(Declaration.Kind kind) {
    return declarations.stream().filter(d -> d.kind() == kind).toList();
  }

  /** The declaration of {@code kind} named {@code name} in {@code owner}, if the sources declare one. */
  public Optional<Declaration> declaration(Declaration.Kind kind, String owner, String name) {
    return declarations.stream().filter(d -> d.kind() == kind && d.owner().equals(owner) && d.name().equals(name))
        .findFirst();
  }

  /** The world's declared attributes of {@code entity}, in source order. */
  public List<Declaration> attributesOf(String entity) {
    return declarations.stream().filter(d -> d.kind() == Declaration.Kind.ATTRIBUTE && d.owner().equals(entity))
        .toList();
  }

  /** The symbols of a symbol set ("Door.state", "Color"), in source order. */
  public List<Declaration> symbolsOf(String owner) {
    return declarations.stream().filter(d -> d.kind() == Declaration.Kind.SYMBOL && d.owner().equals(owner))
        .toList();
  }

  /** The references in one file, by position. */
  public List<Reference> referencesIn(SourceFile file) {
    return references.stream().filter(r -> r.source() == file).toList();
  }

  /** The name occurrence of {@code file} under (or just after) {@code offset}. */
  public Optional<Reference> referenceAt(SourceFile file, int offset) {
    return references.stream().filter(r -> r.source() == file && r.contains(offset)).findFirst();
  }

  /** Every occurrence of what {@code key} identifies, its declaration included. */
  public List<Reference> referencesTo(Declaration.Key key) {
    return references.stream().filter(r -> r.target().key().equals(key)).toList();
  }

  /** Where {@code key} is declared in these sources, if it is. */
  public Optional<Reference> declarationOf(Declaration.Key key) {
    return references.stream().filter(r -> r.declaration() && r.target().key().equals(key)).findFirst();
  }

  /**
   * The local names visible at {@code offset} of {@code file} (its law's binders and case
   * parameters, the variables of the quantifiers around it, a definition's parameters), outermost
   * first; of two with one name, the inner one, which shadows the other.
   */
  public List<Declaration> visibleAt(SourceFile file, int offset) {
    Map<String, Declaration> byName = new LinkedHashMap<>();
    declarations.stream()
        .filter(d -> d.local() && d.source() == file && d.scope() != Span.NONE && d.scope().contains(offset))
        .sorted(Comparator.comparingInt((Declaration d) -> d.scope().start()))
        .forEach(d -> byName.merge(d.name(), d, (outer, inner) -> narrower(inner, outer)));
    return List.copyOf(byName.values());
  }

  private static Declaration narrower(Declaration a, Declaration b) {
    return a.scope().end() - a.scope().start() <= b.scope().end() - b.scope().start() ? a : b;
  }

  /** The innermost checked expression of {@code file} around {@code offset}. */
  public Optional<ExprType> typeAt(SourceFile file, int offset) {
    return types.stream().filter(t -> t.source() == file && t.span().start() <= offset && offset <= t.span().end())
        .min(Comparator.comparingInt(t -> t.span().end() - t.span().start()));
  }
}
