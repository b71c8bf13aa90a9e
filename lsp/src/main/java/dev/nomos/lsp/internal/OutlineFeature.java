package dev.nomos.lsp.internal;

import dev.nomos.compiler.ast.AttrDecl;
import dev.nomos.compiler.ast.Binding;
import dev.nomos.compiler.ast.ConstraintDecl;
import dev.nomos.compiler.ast.FloorDecl;
import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.Name;
import dev.nomos.compiler.ast.TopDecl;
import dev.nomos.compiler.ast.WorldDecl;
import dev.nomos.compiler.ast.WorldItem;
import dev.nomos.compiler.source.Span;
import dev.nomos.grammar.NomosLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.SymbolKind;

/** Document outline (worlds with their entities and actions; laws with their binders) and folding. */
public final class OutlineFeature {
  private OutlineFeature() {}

  public static List<DocumentSymbol> symbols(Analysis a) {
    List<DocumentSymbol> result = new ArrayList<>();
    for (TopDecl decl : a.unit().decls()) {
      if (decl instanceof WorldDecl w) {
        result.add(world(a, w));
      } else if (decl instanceof LawDecl l) {
        result.add(law(l));
      } else if (decl instanceof ConstraintDecl c) {
        DocumentSymbol law = law(c.asLaw());
        law.setDetail("constraint");
        result.add(law);
      } else if (decl instanceof FloorDecl f) {
        List<DocumentSymbol> channels = new ArrayList<>();
        for (FloorDecl.Item item : f.items()) {
          channels.add(symbol(item.channel(), item.span(), SymbolKind.Property, item.valueText(), List.of()));
        }
        result.add(symbol(f.name(), f.span(), SymbolKind.Object, "floor", channels));
      }
    }
    return result;
  }

  /** An attribute's type as written (the outline shows syntax, so it works before the world checks). */
  private static String typeText(Analysis a, AttrDecl.Type type) {
    String text = a.text().substring(type.span().start(), Math.min(type.span().end(), a.text().length()));
    return text.replaceAll("\\s+", " ");
  }

  private static DocumentSymbol world(Analysis a, WorldDecl w) {
    List<DocumentSymbol> children = new ArrayList<>();
    for (WorldItem item : w.items()) {
      if (item instanceof WorldItem.Entity e) {
        List<DocumentSymbol> attrs = new ArrayList<>();
        for (AttrDecl ad : e.attributes()) {
          attrs.add(symbol(ad.name(), ad.span(), SymbolKind.Field, typeText(a, ad.type()), List.of()));
        }
        children.add(symbol(e.name(), e.span(), SymbolKind.Class, "entity", attrs));
      } else if (item instanceof WorldItem.Actions acts) {
        for (Name action : acts.actions()) {
          children.add(symbol(action, action.span(), SymbolKind.EnumMember, "action", List.of()));
        }
      }
    }
    return symbol(w.name(), w.span(), SymbolKind.Namespace, "world", children);
  }

  private static DocumentSymbol law(LawDecl l) {
    List<DocumentSymbol> binders = new ArrayList<>();
    for (Binding b : l.bindings()) {
      binders.add(symbol(b.variable(), b.span(), SymbolKind.Variable, b.type().text(), List.of()));
    }
    String detail = l.weightText() == null ? "law" : "law, weight " + l.weightText();
    return symbol(l.name(), l.span(), SymbolKind.Function, detail, binders);
  }

  private static DocumentSymbol symbol(Name name, Span whole, SymbolKind kind, String detail,
      List<DocumentSymbol> children) {
    DocumentSymbol s = new DocumentSymbol(name.text(), kind, Texts.range(whole.to(name.span())),
        Texts.range(name.span()), detail);
    s.setChildren(children);
    return s;
  }

  public static List<FoldingRange> folding(Analysis a) {
    List<FoldingRange> result = new ArrayList<>();
    for (TopDecl decl : a.unit().decls()) {
      addRange(result, decl.span(), null);
      if (decl instanceof WorldDecl w) {
        w.items().stream().filter(WorldItem.Entity.class::isInstance).forEach(e -> addRange(result, e.span(), null));
      }
    }
    comments(a.tokens(), NomosLexer.DOC, result);
    comments(a.tokens(), NomosLexer.COMMENTS, result);
    return result;
  }

  /** Runs of comment lines on consecutive lines of one channel fold as one block. */
  private static void comments(List<Token> tokens, int channel, List<FoldingRange> result) {
    int first = -1;
    int last = -1;
    for (Token t : tokens) {
      if (t.getChannel() != channel) {
        continue;
      }
      int line = t.getLine() - 1;
      if (first >= 0 && line == last + 1) {
        last = line;
        continue;
      }
      if (first >= 0 && last > first) {
        result.add(range(first, last, FoldingRangeKind.Comment));
      }
      first = line;
      last = line;
    }
    if (first >= 0 && last > first) {
      result.add(range(first, last, FoldingRangeKind.Comment));
    }
  }

  private static void addRange(List<FoldingRange> result, Span span, String kind) {
    if (span.endLine() > span.line()) {
      result.add(range(span.line() - 1, span.endLine() - 1, kind));
    }
  }

  private static FoldingRange range(int start, int end, String kind) {
    FoldingRange r = new FoldingRange(start, end);
    if (kind != null) {
      r.setKind(kind);
    }
    return r;
  }
}
