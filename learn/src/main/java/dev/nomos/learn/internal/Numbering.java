package dev.nomos.learn.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers for values, the same number for equal values, counted from 0 in the order first asked
 * for, shared by the threads that mine transitions: each mined transition names its contexts,
 * targets, effects and keys by these numbers, so that adding it up into a round's tally is a matter
 * of indexing rather than of hashing texts. Which value gets which number depends on the order the
 * threads ask in; nothing mined depends on the numbers themselves.
 */
final class Numbering<T> {
  private final Map<T, Integer> numbers = new HashMap<>();
  private final List<T> values = new ArrayList<>();

  /** The number of {@code value}, given it now when it has none. */
  synchronized int of(T value) {
    Integer known = numbers.get(value);
    if (known != null) {
      return known;
    }
    int n = values.size();
    numbers.put(value, n);
    values.add(value);
    return n;
  }

  /** The value numbered {@code number}, the first of its equals that was asked for. */
  synchronized T get(int number) {
    return values.get(number);
  }

  /** How many values have a number: every number is below it. */
  synchronized int size() {
    return values.size();
  }
}
