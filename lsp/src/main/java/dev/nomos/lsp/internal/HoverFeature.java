package dev.nomos.lsp.internal;

import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.grammar.NomosLexer;
import dev.nomos.compiler.meaning.Declaration;
import dev.nomos.compiler.meaning.LanguageDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;

/** Hover: the type of what is under the cursor, its {@code ///} docs, and fitted law weights. */
public final class HoverFeature {
  private final FittedWeights fitted;

  public HoverFeature(FittedWeights fitted) {
    this.fitted = fitted;
  }

  public Optional<Hover> hover(Analysis a, int offset) {
    Optional<Occurrence> at = a.occurrenceAt(offset);
    if (at.isEmpty()) {
      return keyword(a, offset);
    }
    Occurrence o = at.get();
    return markdown(a, o).map(md -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, md), Texts.range(o.span())));
  }

  private static Optional<Hover> keyword(Analysis a, int offset) {
    Map<String, String> docs = LanguageDescriptor.get().keywordDocs();
    for (Token t : a.tokens()) {
      if (t.getStartIndex() > offset) {
        break;
      }
      if (t.getChannel() == Token.DEFAULT_CHANNEL && offset <= t.getStopIndex() + 1
          && docs.containsKey(t.getText())
          && (t.getType() != NomosLexer.ID || SemanticTokensFeature.floorWords(a).contains(t.getStartIndex()))) {
        String doc = docs.get(t.getText());
        List<String> actions = a.meaning().declarations(Declaration.Kind.ACTION).stream().map(Declaration::name)
            .toList();
        if (t.getType() == NomosLexer.ACTION && !actions.isEmpty()) {
          doc += " One of " + String.join(", ", actions) + ".";
        }
        return Optional.of(new Hover(new MarkupContent(MarkupKind.MARKDOWN, doc),
            Texts.range(a.source().span(t.getStartIndex(), t.getStopIndex() + 1))));
      }
    }
    return Optional.empty();
  }

  private Optional<String> markdown(Analysis a, Occurrence o) {
    Declaration d = o.target();
    String name = o.key().name();
    if (d == null) {
      // A variable of a law that does not parse, read from its tokens.
      return o.key().kind() == SymbolKind.BINDER && o.detail() != null
          ? Optional.of(code(name + ": " + o.detail()) + docs(entityDoc(a, o.detail()))) : Optional.empty();
    }
    return switch (d.kind()) {
      case BINDER, VALUE_PARAMETER -> Optional.of(code(name + ": " + d.detail()) + docs(entityDoc(a, d.detail())));
      case STEP -> Optional.of(code(name + ": int") + "\nHistory step: how many steps back, within the aggregate's range.");
      case CASE_PARAMETER -> Optional.of(code(name)
          + "\nA case parameter: the law stands for one law per value listed after it.");
      case ATTRIBUTE -> Optional.of(d.builtIn() ? code(o.detail() + "." + name + ": " + d.detail()) + docs(d.doc())
          : code(d.owner() + "." + name + ": " + d.detail()));
      case WORLD_TARGET -> Optional.of(code(name + ": " + d.detail()) + docs(d.doc()));
      case ENTITY -> Optional.of(d.builtIn() ? code(name) + "\n" + d.doc()
          : code("entity " + name + (d.detail().isEmpty() ? "" : " " + d.detail())) + docs(d.doc()));
      case LAW -> a.unit().laws().stream().filter(l -> l.name().text().equals(name)).findFirst()
          .map(l -> lawHover(a, l));
      case CONSTRAINT -> Optional.of(code("constraint " + name) + docs(d.doc()));
      case FUNCTION -> LanguageDescriptor.get().function(name).map(f -> code(f.signature()) + docs(f.doc())
          + (f.takesFrame() ? "\n\n`" + f.name() + "(...)@-k` reads it at frame t-k; where one of its objects was not"
              + " there: " + dev.nomos.compiler.docs.StdlibReference.absentText(f) + "." : ""));
      case FORM -> Optional.of(o.key().kind() == SymbolKind.KEYWORD ? d.doc() : code(d.detail()) + "\n" + d.doc());
      case ACTION -> Optional.of(code("action " + name) + "\nAn action of world "
          + a.meaning().declarations(Declaration.Kind.WORLD).stream().findFirst().map(Declaration::name).orElse("?")
          + ".");
      case SYMBOL -> Optional.of(code(name + ": " + d.owner()) + "\n"
          + (d.builtIn() ? d.doc() : "A value of " + d.owner() + "."));
      case WORLD -> Optional.of(code("world " + name) + docs(d.doc()));
      case KEYWORD -> Optional.ofNullable(d.doc());
      case DEFINITION -> Optional.ofNullable(a.compilation().definitions().get(name)).map(def -> code("def " + d.detail()
          + " = " + dev.nomos.compiler.format.Formatter.formatExpr(def.decl().body())) + docs(d.doc()));
      case SYMBOL_TYPE -> Optional.of(code("enum " + name + " " + d.detail())
          + "\nA symbol type of the world: attributes of this type copy and compare their values.");
      case OPTION -> Optional.of(code(name) + docs(d.doc()));
    };
  }

  /** The doc of the entity a binder's type names, or null. */
  private static String entityDoc(Analysis a, String type) {
    return a.meaning().declaration(Declaration.Kind.ENTITY, "", type).map(Declaration::doc).orElse(null);
  }

  private String lawHover(Analysis a, LawDecl law) {
    StringBuilder sb = new StringBuilder(code("law " + law.name().text()
        + (law.weightText() == null ? "" : " weight " + law.weightText())));
    sb.append(docs(law.doc()));
    Optional<Path> path = Workspace.path(a.uri());
    if (path.isPresent()) {
      List<FittedWeights.Fitted> weights = fitted.find(path.get(), law.name().text());
      for (FittedWeights.Fitted f : weights) {
        sb.append("\n\nFitted weight: **").append(String.format(Locale.ROOT, "%.4g", f.weight()))
            .append("** (").append(f.from()).append(')');
      }
    }
    return sb.toString();
  }

  private static String code(String s) {
    return "```nomos\n" + s + "\n```";
  }

  private static String docs(String doc) {
    return doc == null || doc.isBlank() ? "" : "\n---\n" + doc;
  }
}
