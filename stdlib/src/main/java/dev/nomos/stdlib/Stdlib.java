package dev.nomos.stdlib;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of functions laws may call: one list that the checker, the interpreter, the code
 * generator, the generated docs and the LLM prompt all read, so they cannot disagree.
 */
public final class Stdlib {
  private static final Map<String, StdlibFunction> BY_NAME = new LinkedHashMap<>();

  static {
    for (StdlibFunction f : StdlibDefinitions.all()) {
      if (BY_NAME.put(f.name(), f) != null) {
        throw new IllegalStateException("stdlib function " + f.name() + " registered twice");
      }
      f.handle(); // fail fast on a signature that does not match its Java method
    }
  }

  private Stdlib() {}

  /** Every function, in documentation order. */
  public static List<StdlibFunction> all() {
    return List.copyOf(BY_NAME.values());
  }

  public static Optional<StdlibFunction> lookup(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
