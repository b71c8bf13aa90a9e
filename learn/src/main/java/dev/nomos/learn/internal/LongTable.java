package dev.nomos.learn.internal;

/**
 * Values by {@code long} keys in one open-addressed table: the miner looks a candidate up by its
 * context's and effect's numbers for every observation, and a table of plain arrays does that
 * without a boxed key and a node per entry.
 */
final class LongTable<V> {
  private long[] keys = new long[64];
  private Object[] values = new Object[64];
  private int size;

  /** The value stored under {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(long key) {
    int mask = keys.length - 1;
    for (int k = slot(key, mask); values[k] != null; k = (k + 1) & mask) {
      if (keys[k] == key) {
        return (V) values[k];
      }
    }
    return null;
  }

  /** Stores {@code value} (not null) under {@code key}, replacing what was there. */
  void put(long key, V value) {
    if (value == null) {
      throw new IllegalArgumentException("null value for key " + key);
    }
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int k = slot(key, mask);
    for (; values[k] != null; k = (k + 1) & mask) {
      if (keys[k] == key) {
        values[k] = value;
        return;
      }
    }
    keys[k] = key;
    values[k] = value;
    size++;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldValues[j] != null) {
        int k = slot(oldKeys[j], mask);
        while (values[k] != null) {
          k = (k + 1) & mask;
        }
        keys[k] = oldKeys[j];
        values[k] = oldValues[j];
      }
    }
  }

  /** Spreads the key's bits (context numbers sit high, effect numbers low) over the slots. */
  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
