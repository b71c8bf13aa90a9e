package dev.nomos.cli;

import dev.nomos.compiler.CheckedLaw;
import dev.nomos.compiler.source.Span;
import java.util.HashMap;
import java.util.Map;

/** Where each law of a model is written ({@code file:line:column}), for output that points people at a law. */
final class LawSources {
  private final Map<String, String> byLaw;

  private LawSources(Map<String, String> byLaw) {
    this.byLaw = byLaw;
  }

  /** The laws' places in the {@code .law} files; a model jar's laws have none (its sources are bundled, not compiled). */
  static LawSources of(ModelInput input) {
    Map<String, String> map = new HashMap<>();
    if (input.compilation != null) {
      for (CheckedLaw law : input.compilation.laws()) {
        Span span = law.decl().span();
        map.put(law.name(), law.source().name() + ":" + span.line() + ":" + span.column());
      }
    }
    return new LawSources(map);
  }

  /** The law's {@code file:line:column}, or "" when it is not known. */
  String of(String law) {
    return byLaw.getOrDefault(law, "");
  }
}
