package dev.nomos.runtime.model;

import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The background mixed into every target a law spoke to: {@code p(v) = (1 - ε) p_PoE(v) + ε / N},
 * with N the size of the target's support (one more when the observed value lies outside it). So a
 * value the laws agree against costs at most {@code log N - log ε} instead of tens of nats per weight,
 * while the most likely value stays the PoE's. There is one ε per channel (the kind of target):
 * {@link #ALIVE}, {@link #X}, {@link #Y}, {@link #SPAWN}, the world's {@link #REWARD} and
 * {@link #END}, and every extra attribute by name (an attribute named like a fixed channel shares it), shared by
 * all entity types that declare it. A channel without a value takes {@link #DEFAULT}. Immutable.
 */
public final class Floor {
  public static final String ALIVE = "alive";
  public static final String X = "x";
  public static final String Y = "y";
  public static final String SPAWN = "spawn";
  /** The world's reward for a step. */
  public static final String REWARD = "reward";
  /** Whether the episode ends. */
  public static final String END = "end";

  /** ε of a channel that was never fitted: a surprise costs about {@code log N + 11.5} nats. */
  public static final double DEFAULT = 1e-5;

  /** The largest ε fitting chooses: beyond it the background, not the laws, would be the model. */
  public static final double MAX_FITTED = 0.5;

  private static final Floor DEFAULTS = new Floor(true, Map.of());
  private static final Floor NONE = new Floor(false, Map.of());

  private final boolean enabled;
  private final Map<String, Double> values;

  private Floor(boolean enabled, Map<String, Double> values) {
    this.enabled = enabled;
    this.values = values;
  }

  /** {@link #DEFAULT} on every channel. */
  public static Floor defaults() {
    return DEFAULTS;
  }

  /** No background at all: the pure product of experts (for comparison; unbounded surprises). */
  public static Floor none() {
    return NONE;
  }

  /**
   * The given ε per channel name ({@link #DEFAULT} for the rest).
   *
   * @throws IllegalArgumentException for a value outside [0, 1)
   */
  public static Floor of(Map<String, Double> values) {
    Map<String, Double> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : values.entrySet()) {
      double v = Objects.requireNonNull(e.getValue(), e.getKey());
      if (!(v >= 0 && v < 1)) {
        throw new IllegalArgumentException("floor of " + e.getKey() + " must be in [0, 1), got " + v);
      }
      copy.put(Objects.requireNonNull(e.getKey(), "channel"), v);
    }
    return new Floor(true, Collections.unmodifiableMap(copy));
  }

  public boolean enabled() {
    return enabled;
  }

  /** The values set explicitly (fitted or written), in their order; empty when none or disabled. */
  public Map<String, Double> values() {
    return values;
  }

  /** ε of a channel: 0 when disabled, else its value or {@link #DEFAULT}. */
  public double epsilon(String channel) {
    return enabled ? values.getOrDefault(channel, DEFAULT) : 0;
  }

  /**
   * The channels of a world: alive, x, y, spawn, reward, end, then every extra attribute name in
   * declaration order (types first to last), each once.
   */
  public static List<String> channels(WorldSchema schema) {
    Set<String> names = new LinkedHashSet<>(List.of(ALIVE, X, Y, SPAWN, REWARD, END));
    for (EntityType type : schema.types()) {
      for (AttributeSpec spec : type.extras()) {
        names.add(spec.name());
      }
    }
    return List.copyOf(new ArrayList<>(names));
  }

  /** ε of every channel of {@code schema}, in {@link #channels} order. */
  public double[] epsilons(WorldSchema schema) {
    List<String> channels = channels(schema);
    double[] eps = new double[channels.size()];
    for (int c = 0; c < eps.length; c++) {
      eps[c] = epsilon(channels.get(c));
    }
    return eps;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Floor f && f.enabled == enabled && f.values.equals(values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(enabled, values);
  }

  @Override
  public String toString() {
    return enabled ? "floor " + values + " (default " + DEFAULT + ")" : "no floor";
  }
}
