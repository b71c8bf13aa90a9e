package dev.nomos.lsp.internal;

import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.meaning.Declaration;
import dev.nomos.compiler.meaning.LanguageDescriptor;
import dev.nomos.stdlib.Stdlib;
import dev.nomos.stdlib.StdlibFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/**
 * Completion by what the text just before the cursor makes possible: attributes after {@code x.},
 * entity types after {@code x:}, symbols after a comparison with a symbol-valued attribute or
 * {@code action}, and otherwise the keywords, variables and functions of the block the cursor is in.
 */
public final class CompletionFeature {
  private static final Pattern MEMBER = Pattern.compile("([A-Za-z_][A-Za-z_0-9]*)\\s*\\.\\s*$");
  private static final Pattern AFTER_COLON = Pattern.compile("([A-Za-z_][A-Za-z_0-9]*)\\s*:\\s*$");
  private static final Pattern LAST_WORD = Pattern.compile("([A-Za-z_][A-Za-z_0-9]*)\\s*\\(?\\s*$");
  private static final Pattern USE_PATH = Pattern.compile("^\\s*use\\s+\"[^\"]*$");
  private static final Pattern SYMBOL_CONTEXT = Pattern.compile(
      "(action|side\\s*\\([^()]*\\)|([A-Za-z_][A-Za-z_0-9]*)\\.([A-Za-z_][A-Za-z_0-9]*))"
          + "\\s*(?:==|!=|(?:not\\s+)?in\\s*\\{[^{}]*)\\s*$");

  private static final LanguageDescriptor LANGUAGE = LanguageDescriptor.get();

  /** Words that start a top-level line; {@code floor} and {@code def} are contextual, the rest are keywords. */
  private static final List<String> TOP_KEYWORDS = List.of("use", "world", "law", "constraint", "floor", "def");
  private static final List<String> WORLD_KEYWORDS = List.of("screen", "velocity", "actions", "entity", "enum");
  private static final List<String> LAW_KEYWORDS = List.of("for", "on", "when", "then", "weight");
  private static final List<String> EXPRESSION_KEYWORDS = List.of("and", "or", "not", "in", "if", "then", "else",
      "exists", "count", "all", "any", "where", "true", "false", "action", "step");
  private static final List<String> EFFECT_KEYWORDS = List.of("destroy", "spawn", "at", "one_of", "range", "weighted",
      "seq", "after", "choose", "stay", "with");

  private CompletionFeature() {}

  public static List<CompletionItem> complete(Analysis a, int offset) {
    return complete(null, a, offset);
  }

  /** Completion; {@code workspace} (may be null) lets {@code law |} offer the laws of neighbouring files. */
  public static List<CompletionItem> complete(Workspace workspace, Analysis a, int offset) {
    return complete(workspace, a, a.text(), offset, CursorScope.of(a, wordStart(a.text(), offset)), true);
  }

  /** Where the word that ends at {@code offset} starts. */
  public static int wordStart(String text, int offset) {
    int wordStart = offset;
    while (wordStart > 0 && Character.isJavaIdentifierPart(text.charAt(wordStart - 1))) {
      wordStart--;
    }
    return wordStart;
  }

  /**
   * Completion at {@code offset} of the document's current {@code text}, whose {@code scope} at
   * the word start is given; the analysis (world, laws) may be of a slightly older text. Without
   * {@code snippets} (a client that cannot expand them) items insert plain text.
   */
  public static List<CompletionItem> complete(Workspace workspace, Analysis a, String text, int offset,
      CursorScope scope, boolean snippets) {
    int wordStart = wordStart(text, offset);
    String before = text.substring(Math.max(0, text.lastIndexOf('\n', wordStart - 1) + 1), wordStart);
    Items items = new Items(snippets);

    Matcher use = USE_PATH.matcher(before + text.substring(wordStart, offset));
    if (scope.block() == CursorScope.Block.TOP && use.find()) {
      usePaths(a, items);
      return items.list();
    }
    Matcher member = MEMBER.matcher(before);
    if (member.find()) {
      attributes(a, scope.objectType(member.group(1)), items);
      return items.list();
    }
    Matcher symbolContext = SYMBOL_CONTEXT.matcher(before);
    if (scope.block() == CursorScope.Block.LAW && symbolContext.find()) {
      symbols(a, scope, symbolContext, items);
      if (!items.isEmpty()) {
        return items.list();
      }
    }
    Matcher colon = AFTER_COLON.matcher(before);
    if (colon.find()) {
      afterColon(a, scope, colon.group(1), items);
      return items.list();
    }
    Matcher last = LAST_WORD.matcher(before);
    String previous = last.find() ? last.group(1) : "";
    switch (previous) {
      case "on" -> items.add("contact", CompletionItemKind.Function, "relation",
          "Pairs of objects touching at t: `on contact(a: A, b: B[, side: S][, cover: f])`.");
      case "spawn", "entity" -> {
        if (previous.equals("spawn")) {
          entityTypes(a, false, items);
        }
      }
      case "count" -> {
        entityTypes(a, true, items);
        variables(scope, items);
      }
      case "destroy" -> scope.variables().values().stream().filter(CursorScope.Variable::object)
          .forEach(v -> items.add(v.name(), CompletionItemKind.Variable, v.detail(), null));
      case "with" -> items.add("probability", CompletionItemKind.Keyword, "keyword", LANGUAGE.keywordDocs().get("probability"));
      case "probability" -> {
        items.add("fitted", CompletionItemKind.Keyword, "keyword", LANGUAGE.keywordDocs().get("fitted"));
        items.snippet("0.5", "${1:0.5}", "a written probability in (0, 1)");
      }
      case "law" -> lawNames(workspace, a, items);
      case "world" -> a.meaning().declarations(Declaration.Kind.WORLD).stream().findFirst()
          .ifPresent(w -> items.add(w.name(), CompletionItemKind.Module, "world", null));
      default -> general(a, scope, items);
    }
    return items.list();
  }

  private static void general(Analysis a, CursorScope scope, Items items) {
    switch (scope.block()) {
      case TOP -> {
        keywords(TOP_KEYWORDS, items);
        items.snippet("law", "law ${1:name} {\n  for ${2:b}: ${3:Type}\n  then $0\n}", "a new law");
        items.snippet("constraint", "constraint ${1:name} {\n  on contact(${2:a}: ${3:Type}, ${4:b}: ${5:Type})\n  then ${2:a}.$0\n}",
            "a new constraint: requirements every next frame meets");
      }
      case WORLD -> {
        keywords(WORLD_KEYWORDS, items);
        LANGUAGE.worldOptions().forEach(o -> items.add(o.name(), CompletionItemKind.Property, "world option", o.doc()));
      }
      case ENTITY -> {
        keywords(List.of("int", "bool"), items);
      }
      case LAW -> {
        names(a, scope, items);
        keywords(LAW_KEYWORDS, items);
        keywords(EXPRESSION_KEYWORDS, items);
        keywords(EFFECT_KEYWORDS, items);
        items.add("next", CompletionItemKind.Keyword, "constraint guard: the next frame", LANGUAGE.keywordDocs().get("next"));
        LANGUAGE.worldTargets().forEach(t -> items.add(t.name(), CompletionItemKind.Property,
            "world target: " + t.type(), t.doc()));
        entityTypes(a, true, items);
      }
      case DEFINITION -> {
        names(a, scope, items);
        keywords(EXPRESSION_KEYWORDS, items);
        entityTypes(a, true, items);
      }
    }
  }

  /** What an expression may call or name: the variables in scope, the stdlib, the model's definitions. */
  private static void names(Analysis a, CursorScope scope, Items items) {
    variables(scope, items);
    for (StdlibFunction f : Stdlib.all()) {
      items.function(f);
    }
    a.meaning().declarations(Declaration.Kind.DEFINITION).forEach(d -> items.add(d.name(),
        CompletionItemKind.Function, "def " + d.detail(), d.doc().isEmpty() ? null : d.doc()));
  }

  private static void keywords(List<String> words, Items items) {
    words.forEach(k -> items.add(k, CompletionItemKind.Keyword, "keyword", null));
  }

  private static void variables(CursorScope scope, Items items) {
    scope.variables().values().forEach(v -> items.add(v.name(), CompletionItemKind.Variable, v.detail(), null));
  }

  private static void attributes(Analysis a, String type, Items items) {
    if (type == null) {
      return;
    }
    LANGUAGE.attributes().forEach(b -> items.add(b.name(), CompletionItemKind.Property, b.type(), b.doc()));
    a.meaning().attributesOf(type).forEach(attr ->
        items.add(attr.name(), CompletionItemKind.Field, attr.detail(), "Declared by entity " + type + "."));
  }

  private static void entityTypes(Analysis a, boolean withObject, Items items) {
    a.meaning().declarations(Declaration.Kind.ENTITY).forEach(e ->
        items.add(e.name(), CompletionItemKind.Class, "entity", e.doc().isEmpty() ? null : e.doc()));
    if (withObject) {
      items.add(LanguageDescriptor.ANY_TYPE, CompletionItemKind.Class, "any entity type", null);
    }
  }

  private static void afterColon(Analysis a, CursorScope scope, String name, Items items) {
    switch (scope.block()) {
      case ENTITY -> keywords(List.of("int", "bool"), items);
      case DEFINITION -> {
        keywords(List.of("int", "bool"), items);
        entityTypes(a, true, items);
      }
      case LAW -> {
        if (name.equals("side")) {
          LANGUAGE.sides().forEach(s -> items.add(s, CompletionItemKind.EnumMember, "Side", null));
          items.add("?", CompletionItemKind.Keyword, "hole (learner only)", null);
        } else if (!name.equals("cover")) {
          entityTypes(a, true, items);
        }
      }
      default -> { }
    }
  }

  private static void symbols(Analysis a, CursorScope scope, Matcher m, Items items) {
    String subject = m.group(1);
    if (subject.equals("action")) {
      a.meaning().declarations(Declaration.Kind.ACTION)
          .forEach(s -> items.add(s.name(), CompletionItemKind.EnumMember, "action", null));
    } else if (subject.startsWith("side")) {
      LANGUAGE.sides().forEach(s -> items.add(s, CompletionItemKind.EnumMember, "Side", null));
    } else {
      String type = scope.objectType(m.group(2));
      if (type != null) {
        a.meaning().declaration(Declaration.Kind.ATTRIBUTE, type, m.group(3)).ifPresent(attr -> {
          String owner = attr.detail().startsWith("{") ? type + "." + attr.name() : attr.detail();
          a.meaning().symbolsOf(owner).forEach(s -> items.add(s.name(), CompletionItemKind.EnumMember, owner, null));
        });
      }
    }
  }

  /** Other .law files in this file's directory, for {@code use "...}. */
  private static void usePaths(Analysis a, Items items) {
    Optional<java.nio.file.Path> self = Workspace.path(a.uri());
    if (self.isEmpty() || self.get().getParent() == null) {
      return;
    }
    try (var files = java.nio.file.Files.list(self.get().getParent())) {
      files.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".law") && !n.equals(self.get().getFileName().toString()))
          .sorted().limit(200).forEach(n -> items.add(n, CompletionItemKind.File, "file", null));
    } catch (java.io.IOException unreadable) {
      // No suggestions then.
    }
  }

  /**
   * Names of laws declared in the files beside this one but not in it: a fitted file or a variant
   * of a model restates laws by name.
   */
  private static void lawNames(Workspace workspace, Analysis a, Items items) {
    if (workspace == null) {
      return;
    }
    java.util.Set<String> here = new java.util.HashSet<>();
    a.unit().laws().forEach(l -> here.add(l.name().text()));
    for (String uri : workspace.relatedUris(java.util.Set.of(a.uri()))) {
      if (uri.equals(a.uri())) {
        continue;
      }
      workspace.analysis(uri).ifPresent(other -> {
        for (LawDecl law : other.unit().laws()) {
          if (!here.contains(law.name().text())) {
            String file = Workspace.path(uri).map(p -> p.getFileName().toString()).orElse(uri);
            items.add(law.name().text(), CompletionItemKind.Method, "law in " + file,
                law.doc().isEmpty() ? null : law.doc());
          }
        }
      });
    }
  }

  /** Completion items in order of adding, one per label. */
  private static final class Items {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{\\d+:([^}]*)}|\\$\\d+");
    private final Map<String, CompletionItem> byLabel = new LinkedHashMap<>();
    private final boolean snippets;

    Items(boolean snippets) {
      this.snippets = snippets;
    }

    void add(String label, CompletionItemKind kind, String detail, String doc) {
      CompletionItem item = new CompletionItem(label);
      item.setKind(kind);
      item.setDetail(detail);
      Optional.ofNullable(doc).ifPresent(d -> item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, d)));
      byLabel.putIfAbsent(label, item);
    }

    void snippet(String label, String body, String detail) {
      CompletionItem item = new CompletionItem(label + " …");
      item.setKind(CompletionItemKind.Snippet);
      if (snippets) {
        item.setInsertText(body);
        item.setInsertTextFormat(InsertTextFormat.Snippet);
      } else {
        item.setInsertText(PLACEHOLDER.matcher(body).replaceAll("$1"));
        item.setInsertTextFormat(InsertTextFormat.PlainText);
      }
      item.setDetail(detail);
      item.setFilterText(label);
      byLabel.putIfAbsent(label + " …", item);
    }

    void function(StdlibFunction f) {
      CompletionItem item = new CompletionItem(f.name());
      item.setKind(CompletionItemKind.Function);
      item.setDetail(f.signature());
      item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, f.doc()));
      if (snippets) {
        List<String> params = new ArrayList<>();
        for (int i = 0; i < f.params().size(); i++) {
          params.add("${" + (i + 1) + ":" + f.params().get(i).name() + "}");
        }
        item.setInsertText(f.name() + "(" + String.join(", ", params) + ")");
        item.setInsertTextFormat(InsertTextFormat.Snippet);
      } else {
        item.setInsertText(f.name()); // typing `(` then brings signature help
        item.setInsertTextFormat(InsertTextFormat.PlainText);
      }
      byLabel.putIfAbsent(f.name(), item);
    }

    boolean isEmpty() {
      return byLabel.isEmpty();
    }

    /** The items, ranked in the order they were added (most likely first). */
    List<CompletionItem> list() {
      List<CompletionItem> ranked = new ArrayList<>(byLabel.values());
      for (int i = 0; i < ranked.size(); i++) {
        ranked.get(i).setSortText(String.format(java.util.Locale.ROOT, "%04d", i));
      }
      return ranked;
    }
  }
}
