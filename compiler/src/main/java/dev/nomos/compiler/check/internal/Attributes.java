package dev.nomos.compiler.check.internal;

import dev.nomos.compiler.meaning.LanguageDescriptor;
import dev.nomos.runtime.EntityType;
import java.util.ArrayList;
import java.util.List;

/**
 * The attributes every object has, and which of them may be read and written, as the
 * {@link LanguageDescriptor} declares them.
 */
public final class Attributes {
  /** The type name that ranges over objects of every type. */
  public static final String ANY_TYPE = LanguageDescriptor.ANY_TYPE;
  /** The presence target ({@code destroy o}); write-only. */
  public static final String ALIVE = "alive";

  private Attributes() {}

  public static boolean isBuiltIn(String name) {
    return LanguageDescriptor.get().attribute(name).isPresent();
  }

  /** Everything readable on objects of {@code type} (null: the type {@code Object}). */
  public static List<String> readable(EntityType type) {
    return names(LanguageDescriptor.Attribute::readable, type);
  }

  /** Everything writable on objects of {@code type} (null: the type {@code Object}). */
  public static List<String> writable(EntityType type) {
    return names(LanguageDescriptor.Attribute::writable, type);
  }

  private static List<String> names(java.util.function.Predicate<LanguageDescriptor.Attribute> which, EntityType type) {
    List<String> names = new ArrayList<>();
    LanguageDescriptor.get().attributes().stream().filter(which).forEach(a -> names.add(a.name()));
    if (type != null) {
      type.extras().forEach(a -> names.add(a.name()));
    }
    return names;
  }

  /** Names other languages and LLMs use for the built-in attributes. */
  private static final java.util.Map<String, String> ALIASES = java.util.Map.ofEntries(
      java.util.Map.entry("velocity_x", "vx"), java.util.Map.entry("vel_x", "vx"), java.util.Map.entry("dx", "vx"),
      java.util.Map.entry("speed_x", "vx"), java.util.Map.entry("velocity_y", "vy"), java.util.Map.entry("vel_y", "vy"),
      java.util.Map.entry("dy", "vy"), java.util.Map.entry("speed_y", "vy"), java.util.Map.entry("width", "w"),
      java.util.Map.entry("height", "h"), java.util.Map.entry("pos_x", "x"), java.util.Map.entry("pos_y", "y"),
      java.util.Map.entry("center_x", "cx"), java.util.Map.entry("centre_x", "cx"),
      java.util.Map.entry("center_y", "cy"), java.util.Map.entry("centre_y", "cy"),
      java.util.Map.entry("exists", "alive"), java.util.Map.entry("present", "alive"));

  /** The built-in attribute {@code name} probably means, or null. */
  public static String alias(String name) {
    return ALIASES.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
