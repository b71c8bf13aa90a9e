package dev.nomos.lsp.internal;

import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.grammar.NomosLexer;
import dev.nomos.stdlib.Stdlib;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
    for (Token t : a.tokens()) {
      if (t.getStartIndex() > offset) {
        break;
      }
      if (t.getChannel() == Token.DEFAULT_CHANNEL && offset <= t.getStopIndex() + 1
          && KeywordDocs.DOCS.containsKey(t.getText())
          && (t.getType() != NomosLexer.ID || SemanticTokensFeature.floorWords(a).contains(t.getStartIndex()))) {
        String doc = KeywordDocs.DOCS.get(t.getText());
        if (t.getType() == NomosLexer.ACTION && !a.world().actions().isEmpty()) {
          doc += " One of " + String.join(", ", a.world().actions().keySet()) + ".";
        }
        return Optional.of(new Hover(new MarkupContent(MarkupKind.MARKDOWN, doc),
            Texts.range(a.source().span(t.getStartIndex(), t.getStopIndex() + 1))));
      }
    }
    return Optional.empty();
  }

  private Optional<String> markdown(Analysis a, Occurrence o) {
    SymbolKey key = o.key();
    WorldView world = a.world();
    String name = key.name();
    switch (key.kind()) {
      case BINDER -> {
        if ("case".equals(o.detail())) {
          return Optional.of(code(name) + "\nA case parameter: the law stands for one law per value listed after it.");
        }
        if ("step".equals(o.detail())) {
          return Optional.of(code(name + ": int") + "\nHistory step: how many steps back, within the aggregate's range.");
        }
        String doc = world.entity(o.detail()).map(WorldView.EntityInfo::doc).orElse("");
        return Optional.of(code(name + ": " + o.detail()) + docs(doc));
      }
      case ATTRIBUTE -> {
        if (key.scope().equals(SymbolKey.BUILTIN) && Builtins.WORLD.equals(o.detail())) {
          Builtins.Attribute t = Builtins.WORLD_TARGETS.get(name);
          return Optional.of(code(name + ": " + t.type()) + docs(t.doc()));
        }
        if (key.scope().equals(SymbolKey.BUILTIN)) {
          Builtins.Attribute b = Builtins.ATTRIBUTES.get(name);
          return Optional.of(code(o.detail() + "." + name + ": " + b.type()) + docs(b.doc()));
        }
        return world.attribute(key.scope(), name)
            .map(attr -> code(attr.entity() + "." + name + ": " + attr.typeText()));
      }
      case ENTITY -> {
        if (name.equals(Builtins.OBJECT)) {
          return Optional.of(code("Object") + "\nAny entity type: binds objects of every type.");
        }
        return world.entity(name).map(e -> code(entitySignature(e)) + docs(e.doc()));
      }
      case LAW -> {
        Optional<String> constraint = a.unit().constraints().stream().filter(c -> c.name().span().equals(o.span())
            || c.name().text().equals(name)).findFirst().map(c -> code("constraint " + c.name().text()) + docs(c.doc()));
        if (constraint.isPresent()) {
          return constraint;
        }
        return a.unit().laws().stream().filter(l -> l.name().span().equals(o.span())
            || l.name().text().equals(name)).findFirst().map(l -> lawHover(a, l));
      }
      case FUNCTION -> {
        if (name.equals("contact") && a.unit().laws().stream().flatMap(l -> l.binders().stream())
            .anyMatch(b -> b instanceof dev.nomos.compiler.ast.Binder.Relation r && r.relation().span().equals(o.span()))) {
          return Optional.of(code("on contact(a: A, b: B, side: S, cover: f)")
              + "\nPairs of distinct objects touching at t (boxes within the world's contact_gap). `side`: the side "
              + "of a that b touches; `cover`: the minimum fraction of that side covered.");
        }
        return Stdlib.lookup(name).map(f -> code(f.signature()) + docs(f.doc()) + (f.takesFrame()
            ? "\n\n`" + f.name() + "(...)@-k` reads it at frame t-k; where one of its objects was not there: "
                + dev.nomos.compiler.docs.StdlibReference.absentText(f) + "."
            : ""));
      }
      case ACTION -> {
        String worldName = world.world().map(WorldView.Decl::name).orElse("?");
        return Optional.of(code("action " + name) + "\nAn action of world " + worldName + ".");
      }
      case SYMBOL -> {
        return Optional.of(code(name + ": " + key.scope()) + (key.scope().equals("Side")
            ? "\nA side of a box: TOP, BOTTOM, LEFT, RIGHT, or NONE when not touching."
            : "\nA value of " + key.scope() + "."));
      }
      case WORLD -> {
        return Optional.of(code("world " + name) + docs(world.doc()));
      }
      case KEYWORD -> {
        return Optional.ofNullable(KeywordDocs.DOCS.get(name));
      }
      case DEFINITION -> {
        return Optional.ofNullable(world.definitions().get(name)).map(d -> code(d.signature() + " = "
            + dev.nomos.compiler.format.Formatter.formatExpr(d.def().body())) + docs(d.def().doc()));
      }
      case SYMBOL_TYPE -> {
        return Optional.ofNullable(world.symbolTypes().get(name)).map(symbols -> code("enum " + name + " { "
            + String.join(", ", symbols.stream().map(WorldView.Decl::name).toList()) + " }")
            + "\nA symbol type of the world: attributes of this type copy and compare their values.");
      }
      case OPTION -> {
        return Optional.of(code(name) + docs(optionDoc(name)));
      }
      default -> {
        return Optional.empty();
      }
    }
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

  private static String entitySignature(WorldView.EntityInfo e) {
    if (e.attributes().isEmpty()) {
      return "entity " + e.decl().name();
    }
    return "entity " + e.decl().name() + " { " + String.join(", ", e.attributes().values().stream()
        .map(attr -> attr.decl().name() + ": " + attr.typeText()).toList()) + " }";
  }

  private static String optionDoc(String name) {
    return switch (name) {
      case "contact_gap" -> "World option: the largest gap in pixels that still counts as contact (1 by default; 0 for grids).";
      case "side" -> "The side of the first object that the second touches: TOP, BOTTOM, LEFT or RIGHT.";
      case "cover" -> "The minimum fraction (0..1) of the touched side that the second object covers.";
      default -> "";
    };
  }

  private static String code(String s) {
    return "```nomos\n" + s + "\n```";
  }

  private static String docs(String doc) {
    return doc == null || doc.isBlank() ? "" : "\n---\n" + doc;
  }
}
