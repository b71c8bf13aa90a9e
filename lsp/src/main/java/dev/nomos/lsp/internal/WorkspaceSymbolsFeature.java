package dev.nomos.lsp.internal;

import dev.nomos.compiler.ast.LawDecl;
import dev.nomos.compiler.ast.Name;
import dev.nomos.compiler.ast.TopDecl;
import dev.nomos.compiler.ast.WorldDecl;
import dev.nomos.compiler.ast.WorldItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Workspace symbols: the worlds, entity types and laws of every {@code .law} file the workspace knows. */
public final class WorkspaceSymbolsFeature {
  private static final int MAX_RESULTS = 500;

  private WorkspaceSymbolsFeature() {}

  public static List<WorkspaceSymbol> search(Workspace workspace, String query, BooleanSupplier cancelled) {
    String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
    List<WorkspaceSymbol> result = new ArrayList<>();
    for (String uri : workspace.workspaceUris()) {
      if (cancelled.getAsBoolean() || result.size() >= MAX_RESULTS) {
        break;
      }
      Analysis a = workspace.analysis(uri).orElse(null);
      if (a == null) {
        continue;
      }
      for (TopDecl decl : a.unit().decls()) {
        if (decl instanceof WorldDecl w) {
          add(result, q, uri, w.name(), SymbolKind.Namespace, null);
          for (WorldItem item : w.items()) {
            if (item instanceof WorldItem.Entity e) {
              add(result, q, uri, e.name(), SymbolKind.Class, w.name().text());
            }
          }
        } else if (decl instanceof LawDecl l) {
          add(result, q, uri, l.name(), SymbolKind.Function, null);
        }
      }
    }
    return result;
  }

  private static void add(List<WorkspaceSymbol> out, String query, String uri, Name name, SymbolKind kind,
      String container) {
    if (matches(name.text().toLowerCase(Locale.ROOT), query)) {
      WorkspaceSymbol s = new WorkspaceSymbol(name.text(), kind,
          Either.forLeft(new Location(uri, Texts.range(name.span()))));
      s.setContainerName(container);
      out.add(s);
    }
  }

  /** Fuzzy: the query's characters appear in the name in order (as editors' symbol search expects). */
  static boolean matches(String name, String query) {
    int i = 0;
    for (int k = 0; k < name.length() && i < query.length(); k++) {
      if (name.charAt(k) == query.charAt(i)) {
        i++;
      }
    }
    return i == query.length();
  }
}
