package dev.nomos.lsp.internal;

import dev.nomos.compiler.ast.UseDecl;
import dev.nomos.compiler.meaning.LanguageDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * Go to definition, find references and rename. Entities, attributes, actions and symbols belong
 * to a world and are searched in every related file checked against the same world; laws and
 * binders are local to their file.
 */
public final class NavigationFeature {
  /** Kinds a user may rename: built-ins and stdlib names are the language's, not theirs. */
  private static final Set<SymbolKind> RENAMEABLE = Set.of(SymbolKind.ENTITY, SymbolKind.ATTRIBUTE,
      SymbolKind.BINDER, SymbolKind.LAW, SymbolKind.ACTION, SymbolKind.SYMBOL, SymbolKind.WORLD,
      SymbolKind.DEFINITION, SymbolKind.SYMBOL_TYPE);

  /** Why a rename is refused, in words for the user. */
  public static final class RenameRefused extends Exception {
    private static final long serialVersionUID = 1L;

    RenameRefused(String message) {
      super(message);
    }
  }

  private final Workspace workspace;

  public NavigationFeature(Workspace workspace) {
    this.workspace = workspace;
  }

  public List<Location> definition(Analysis a, int offset) {
    for (UseDecl use : a.unit().uses()) {
      if (use.span().start() <= offset && offset <= use.span().end()) {
        return usedFile(a, use).map(uri -> List.of(new Location(uri, new Range(new Position(0, 0), new Position(0, 0)))))
            .orElse(List.of());
      }
    }
    return a.occurrenceAt(offset).flatMap(o -> a.declarationOf(o.key()))
        .map(d -> List.of(location(d))).orElse(List.of());
  }

  /** Links from each {@code use "path"} string to the file, when it exists. */
  public List<DocumentLink> links(Analysis a) {
    List<DocumentLink> links = new ArrayList<>();
    for (UseDecl use : a.unit().uses()) {
      usedFile(a, use).ifPresent(uri -> {
        int quote = a.text().indexOf('"', use.span().start());
        int end = a.text().lastIndexOf('"', use.span().end() - 1);
        if (quote >= 0 && end > quote) {
          links.add(new DocumentLink(Texts.range(a.source().span(quote + 1, end)), uri));
        }
      });
    }
    return links;
  }

  private Optional<String> usedFile(Analysis a, UseDecl use) {
    return Workspace.resolve(a.uri(), use.path()).filter(uri -> workspace.text(uri).isPresent());
  }

  public List<Location> references(Analysis a, int offset, boolean includeDeclaration, BooleanSupplier cancelled) {
    Optional<Occurrence> at = a.occurrenceAt(offset);
    if (at.isEmpty()) {
      return List.of();
    }
    return occurrences(a, at.get().key(), cancelled).stream()
        .filter(o -> includeDeclaration || !o.declaration()).map(NavigationFeature::location).toList();
  }

  /** Every occurrence in this file of what is under the cursor; declarations count as writes. */
  public List<DocumentHighlight> highlights(Analysis a, int offset) {
    return a.occurrenceAt(offset).map(at -> a.occurrences().stream().filter(o -> o.key().equals(at.key()))
        .map(o -> new DocumentHighlight(Texts.range(o.span()),
            o.declaration() ? DocumentHighlightKind.Write : DocumentHighlightKind.Read))
        .toList()).orElse(List.of());
  }

  /** The range of the name to rename, or empty when nothing renameable is under the cursor. */
  public Optional<Range> prepareRename(Analysis a, int offset) {
    try {
      return Optional.of(renameRange(a, offset));
    } catch (RenameRefused refused) {
      return Optional.empty();
    }
  }

  /** The range of the name to rename; refused, with the reason, when the cursor is not on one. */
  public Range renameRange(Analysis a, int offset) throws RenameRefused {
    return Texts.range(renameTarget(a, offset).span());
  }

  /** The occurrence under the cursor if a rename may start there. */
  private static Occurrence renameTarget(Analysis a, int offset) throws RenameRefused {
    Occurrence at = a.occurrenceAt(offset).orElseThrow(() -> new RenameRefused("there is no name under the cursor"));
    if (!renameable(at.key())) {
      throw new RenameRefused("'" + at.key().name() + "' is defined by the language and cannot be renamed");
    }
    if (!indexed(a, at)) {
      throw new RenameRefused("this law does not parse yet; fix its syntax errors first");
    }
    return at;
  }

  /** Whether the occurrence comes from a declaration that parsed (not guessed from tokens). */
  private static boolean indexed(Analysis a, Occurrence o) {
    return a.occurrences().contains(o);
  }

  public WorkspaceEdit rename(Analysis a, int offset, String newName, BooleanSupplier cancelled)
      throws RenameRefused {
    Occurrence at = renameTarget(a, offset);
    if (!Texts.isIdentifier(newName)) {
      throw new RenameRefused("'" + newName + "' is not a name: use letters, digits and _, not starting with a digit");
    }
    if (LanguageDescriptor.get().reservedWords().contains(newName)) {
      throw new RenameRefused("'" + newName + "' is a keyword");
    }
    if (!newName.equals(at.key().name()) && clashes(a, at, newName)) {
      throw new RenameRefused("'" + newName + "' is already declared");
    }
    List<Occurrence> targets = occurrences(a, at.key(), cancelled);
    if (!isLocal(at.key())) {
      Optional<String> missed = unresolvedMention(a, at.key(), targets);
      if (missed.isPresent()) {
        throw new RenameRefused("cannot tell whether '" + at.key().name() + "' at " + missed.get()
            + " means the same thing (that text does not parse or check); fix it first");
      }
    }
    for (String uri : targets.stream().map(Occurrence::uri).distinct().toList()) {
      // The front end's spans count code points, editors count UTF-16 units: they differ after an
      // emoji or other supplementary character, and an edit there would land in the wrong place.
      String text = uri.equals(a.uri()) ? a.text() : workspace.text(uri).orElse("");
      if (text.codePoints().count() != text.length()) {
        throw new RenameRefused("cannot rename yet in a file with characters outside the Basic Multilingual "
            + "Plane (such as emoji): " + Workspace.path(uri).map(Object::toString).orElse(uri));
      }
    }
    Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
    for (Occurrence o : targets) {
      changes.computeIfAbsent(o.uri(), u -> new ArrayList<>()).add(new TextEdit(Texts.range(o.span()), newName));
    }
    return new WorkspaceEdit(changes);
  }

  /** Whether {@code newName} is taken: by a variable of the same law, or a declaration of the same kind and scope. */
  private static boolean clashes(Analysis a, Occurrence at, String newName) {
    if (at.key().kind() == SymbolKind.BINDER) {
      return a.lawAt(at.span().start()).map(law -> a.occurrences().stream().anyMatch(o ->
          o.key().kind() == SymbolKind.BINDER && o.key().name().equals(newName)
              && law.span().start() <= o.span().start() && o.span().end() <= law.span().end())).orElse(false);
    }
    return a.declarationOf(new SymbolKey(at.key().kind(), at.key().scope(), newName)).isPresent();
  }

  private static boolean renameable(SymbolKey key) {
    return RENAMEABLE.contains(key.kind()) && !key.builtin()
        && !(key.kind() == SymbolKind.ATTRIBUTE && LanguageDescriptor.get().attribute(key.name()).isPresent()
            && key.scope().equals(SymbolKey.BUILTIN));
  }

  private static boolean isLocal(SymbolKey key) {
    return key.kind() == SymbolKind.BINDER || key.kind() == SymbolKind.LAW;
  }

  /**
   * A mention of the key's name, in a file that has some of its occurrences, that the index could
   * not resolve (a law that does not parse, an unknown name): renaming around it could miss it.
   */
  private Optional<String> unresolvedMention(Analysis a, SymbolKey key, List<Occurrence> targets) {
    for (String uri : targets.stream().map(Occurrence::uri).distinct().toList()) {
      Analysis file = uri.equals(a.uri()) ? a : workspace.analysis(uri).orElse(null);
      if (file == null) {
        continue;
      }
      Set<Integer> resolved = new HashSet<>();
      file.occurrences().forEach(o -> resolved.add(o.span().start()));
      for (org.antlr.v4.runtime.Token t : file.tokens()) {
        if (t.getType() == dev.nomos.grammar.NomosLexer.ID && t.getText().equals(key.name())
            && !resolved.contains(t.getStartIndex())) {
          return Optional.of(Workspace.path(uri).map(p -> p.getFileName().toString()).orElse(uri) + ":" + t.getLine());
        }
      }
    }
    return Optional.empty();
  }

  /** Every occurrence of a key, declaration included, without duplicates. */
  private List<Occurrence> occurrences(Analysis a, SymbolKey key, BooleanSupplier cancelled) {
    if (isLocal(key)) {
      return a.occurrences().stream().filter(o -> o.key().equals(key)).toList();
    }
    Optional<String> world = a.worldIdentity();
    Set<String> roots = new LinkedHashSet<>();
    roots.add(a.uri());
    a.declarationOf(key).ifPresent(d -> roots.add(d.uri()));
    List<Occurrence> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String uri : workspace.relatedUris(roots)) {
      if (cancelled.getAsBoolean()) {
        break;
      }
      Analysis other = uri.equals(a.uri()) ? a : workspace.analysis(uri).orElse(null);
      if (other == null || !other.worldIdentity().equals(world)) {
        continue;
      }
      for (Occurrence o : other.occurrences()) {
        if (o.key().equals(key) && seen.add(o.uri() + "#" + o.span().start())) {
          result.add(o);
        }
      }
    }
    return result;
  }

  private static Location location(Occurrence o) {
    return new Location(o.uri(), Texts.range(o.span()));
  }
}
