package dev.nomos.runtime.jar.internal;

import java.util.List;

/**
 * The libraries a standalone model jar carries beside its laws: the runtime, the stdlib and
 * Jackson. The writer bundles exactly these class packages and the loader exempts exactly these
 * from the rule that every class is a law listed in model.json; one list keeps the two in step.
 */
public final class BundledLibraries {
  /** Class-file path prefixes of the bundled libraries. */
  public static final List<String> PREFIXES = List.of("dev/nomos/runtime/", "dev/nomos/stdlib/",
      "com/fasterxml/jackson/");

  private BundledLibraries() {}

  /** Whether a jar entry path lies in one of the bundled libraries. */
  public static boolean contains(String entry) {
    return PREFIXES.stream().anyMatch(entry::startsWith);
  }
}
