package dev.nomos.learn.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Results of a pure function of a string, remembered: the learner works out the same keys and
 * shapes of the same law texts every round of every run. Past {@code capacity} entries it starts
 * again, so a long-running process stays bounded; a race between threads at worst works a value out
 * twice.
 */
public final class BoundedMemo {
  private final Map<String, String> known = new ConcurrentHashMap<>();
  private final Function<String, String> function;
  private final int capacity;

  public BoundedMemo(Function<String, String> function, int capacity) {
    this.function = function;
    this.capacity = capacity;
  }

  public String apply(String input) {
    String value = known.get(input);
    if (value != null) {
      return value;
    }
    value = function.apply(input);
    if (known.size() >= capacity) {
      known.clear();
    }
    known.put(input, value);
    return value;
  }
}
