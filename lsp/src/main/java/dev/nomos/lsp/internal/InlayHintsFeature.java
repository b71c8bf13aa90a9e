package dev.nomos.lsp.internal;

import dev.nomos.compiler.ast.LawDecl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Inlay hints: after a law's name, the weight {@code nomos fit} found for it in a file beside this
 * one (see {@link FittedWeights}), unless the law already carries that weight.
 */
public final class InlayHintsFeature {
  private final FittedWeights fitted;

  public InlayHintsFeature(FittedWeights fitted) {
    this.fitted = fitted;
  }

  public List<InlayHint> hints(Analysis a, Range range) {
    Optional<Path> path = Workspace.path(a.uri());
    if (path.isEmpty()) {
      return List.of();
    }
    List<InlayHint> result = new ArrayList<>();
    for (LawDecl law : a.unit().laws()) {
      Range name = Texts.range(law.name().span());
      if (name.getStart().getLine() < range.getStart().getLine() || name.getStart().getLine() > range.getEnd().getLine()) {
        continue;
      }
      List<FittedWeights.Fitted> found = fitted.find(path.get(), law.name().text());
      if (found.isEmpty() || (law.weight() != null && Math.abs(law.weight() - found.get(0).weight()) < 1e-9)) {
        continue;
      }
      FittedWeights.Fitted best = found.get(0);
      InlayHint hint = new InlayHint(name.getEnd(),
          Either.forLeft("fitted " + String.format(Locale.ROOT, "%.3g", best.weight())));
      hint.setKind(InlayHintKind.Parameter);
      hint.setPaddingLeft(true);
      hint.setTooltip("Weight found by `nomos fit` in " + best.from());
      result.add(hint);
    }
    return result;
  }
}
