package dev.nomos.compiler.check.internal;

import java.util.List;

/** The names of the world's own targets, written bare on the left of an effect. */
public final class WorldTargets {
  /** The reward the action at t earns: an int, any value. */
  public static final String REWARD = "reward";
  /** Whether the episode ends at t+1: a bool. */
  public static final String END = "end";
  public static final List<String> NAMES = dev.nomos.compiler.meaning.LanguageDescriptor.get().worldTargets().stream()
      .map(dev.nomos.compiler.meaning.LanguageDescriptor.Attribute::name).toList();

  private WorldTargets() {}
}
