package dev.nomos.compiler.check.internal;

import dev.nomos.runtime.EntityType;
import java.util.ArrayList;
import java.util.List;

/** The attributes every object has, and which of them may be read and written. */
public final class Attributes {
  /** The type name that ranges over objects of every type. */
  public static final String ANY_TYPE = "Object";
  /** Stored geometry. */
  public static final List<String> STORED = List.of("x", "y", "w", "h");
  /** Derived, read-only values (vx and vy are also targets that predict the next position). */
  public static final List<String> DERIVED = List.of("vx", "vy", "left", "right", "top", "bottom", "cx", "cy");
  /** The presence target ({@code destroy o}); write-only. */
  public static final String ALIVE = "alive";

  private Attributes() {}

  public static boolean isBuiltIn(String name) {
    return STORED.contains(name) || DERIVED.contains(name) || name.equals(ALIVE);
  }

  /** Everything readable on objects of {@code type} (null: the type {@code Object}). */
  public static List<String> readable(EntityType type) {
    List<String> names = new ArrayList<>(STORED);
    names.addAll(DERIVED);
    if (type != null) {
      type.extras().forEach(a -> names.add(a.name()));
    }
    return names;
  }

  /** Everything writable on objects of {@code type} (null: the type {@code Object}). */
  public static List<String> writable(EntityType type) {
    List<String> names = new ArrayList<>(List.of("x", "y", "vx", "vy", ALIVE));
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
