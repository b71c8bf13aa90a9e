package dev.nomos.learn.internal;

import java.util.function.Supplier;

/**
 * The numbers ({@link Numbering}) of keys found before by one miner, by a {@code long} made of the
 * numbers of their parts (a context's and a target's): a key is found again for every observation
 * without hashing it or waiting for the threads that share the numbering; keys that share the
 * {@code long} (nearly never) are told apart by {@code equals}.
 */
final class KeyNumbers<K> {
  private final Supplier<Numbering<K>> numbering;
  private final LongTable<Known<K>> known = new LongTable<>();

  /** A key found before under one {@code long}, and the others found under it. */
  private record Known<K>(K key, int number, Known<K> next) {}

  KeyNumbers(Supplier<Numbering<K>> numbering) {
    this.numbering = numbering;
  }

  /** The number of {@code key}, found under {@code slot}. */
  int number(long slot, K key) {
    Known<K> first = known.get(slot);
    for (Known<K> k = first; k != null; k = k.next) {
      if (k.key.equals(key)) {
        return k.number;
      }
    }
    int number = numbering.get().of(key);
    known.put(slot, new Known<>(key, number, first));
    return number;
  }
}
