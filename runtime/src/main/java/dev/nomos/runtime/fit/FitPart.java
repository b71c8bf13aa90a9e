package dev.nomos.runtime.fit;

import dev.nomos.runtime.internal.ExactSum;
import java.io.Serializable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The precomputed law scores of a run of transitions (a shard): the targets, each stored once per
 * distinct content with a count, the creation targets likewise, the fitted probabilities in the
 * order first seen, and the constant as an exact sum. Parts are merged in data order ({@link
 * #absorb}); as counts are whole numbers, distinct targets keep the order they were first seen in
 * and the constant is exact, the merged data is the same to the last bit however the transitions
 * were cut into parts. Serializable, so that parts made on a cluster's workers can be merged on its
 * driver.
 */
public final class FitPart implements Serializable {
  private static final long serialVersionUID = 1L;

  final int laws;
  final int channelCount;
  final int spawnChannel;
  final double logUnexplained;
  int transitions;
  final ExactSum constant = new ExactSum();
  long observedTargets;
  int targets;
  double[] targetCount = new double[256];
  int[] targetHash = new int[256];
  int[] targetClassStart = new int[257];
  int[] observedClass = new int[256];
  int classes;
  double[] classLogMultiplicity = new double[1024];
  int[] classFeatStart = new int[1025];
  int feats;
  int[] featLaw = new int[4096];
  double[] featVal = new double[4096];
  int[] targetChannelStart = new int[257];
  int channelEntries;
  int[] targetChannels = new int[256];
  double[] targetLogSize = new double[256];
  double[] targetUnspoken = new double[256];
  final long[] channelTargets;
  int creations;
  double[] creationCount = new double[16];
  boolean[] creationAppeared = new boolean[16];
  int[] creationEntryStart = new int[17];
  int entries;
  int[] entryLaw = new int[16];
  int[] entryChance = new int[16];
  double[] entryShare = new double[16];
  double[] entryLogNot = new double[16];
  int chances;
  int[] chanceLaw = new int[4];
  int[] chanceOrdinal = new int[4];
  boolean[] chanceKnown = new boolean[4];
  double[] chanceValue = new double[4];

  /** Open-addressing table of target indexes + 1 by hash; rebuilt after deserialization. */
  private transient int[] table;
  private transient Map<String, Integer> creationIndex;
  private transient Map<Long, Integer> chanceIndex;

  FitPart(int laws, int channelCount, int spawnChannel, double logUnexplained) {
    this.laws = laws;
    this.channelCount = channelCount;
    this.spawnChannel = spawnChannel;
    this.logUnexplained = logUnexplained;
    this.channelTargets = new long[channelCount];
  }

  /** Number of transitions scored into this part. */
  public int transitions() {
    return transitions;
  }

  /**
   * Adds the part that follows this one in the data: its targets, creations, fitted probabilities
   * and constant, merged with equal ones already here.
   */
  public void absorb(FitPart next) {
    if (next.laws != laws || next.channelCount != channelCount) {
      throw new IllegalArgumentException("the parts were precomputed for other laws or another world");
    }
    transitions += next.transitions;
    constant.add(next.constant);
    for (int c = 0; c < channelCount; c++) {
      channelTargets[c] += next.channelTargets[c];
    }
    for (int t = 0; t < next.targets; t++) {
      int c0 = next.targetClassStart[t];
      int c1 = next.targetClassStart[t + 1];
      ensureTargets(targets + 1);
      ensureClasses(classes + (c1 - c0) + 1);
      ensureFeats(feats + next.classFeatStart[c1] - next.classFeatStart[c0]);
      int ch0 = next.targetChannelStart[t];
      int ch1 = next.targetChannelStart[t + 1];
      ensureChannels(channelEntries + (ch1 - ch0));
      targetClassStart[targets] = classes;
      targetChannelStart[targets] = channelEntries;
      for (int k = ch0; k < ch1; k++) {
        targetChannels[channelEntries++] = next.targetChannels[k];
      }
      for (int c = c0; c < c1; c++) {
        classLogMultiplicity[classes] = next.classLogMultiplicity[c];
        classFeatStart[classes] = feats;
        for (int k = next.classFeatStart[c]; k < next.classFeatStart[c + 1]; k++) {
          featLaw[feats] = next.featLaw[k];
          featVal[feats] = next.featVal[k];
          feats++;
        }
        classes++;
      }
      classFeatStart[classes] = feats;
      observedClass[targets] = targetClassStart[targets] + next.observedClass[t] - c0;
      targetLogSize[targets] = next.targetLogSize[t];
      targetUnspoken[targets] = next.targetUnspoken[t];
      finishTarget(next.targetCount[t]);
    }
    int[] chanceHere = new int[next.chances];
    for (int g = 0; g < next.chances; g++) {
      chanceHere[g] = chance(next.chanceLaw[g], next.chanceOrdinal[g], next.chanceKnown[g], next.chanceValue[g]);
    }
    for (int t = 0; t < next.creations; t++) {
      int e0 = next.creationEntryStart[t];
      int e1 = next.creationEntryStart[t + 1];
      int[] law = Arrays.copyOfRange(next.entryLaw, e0, e1);
      int[] chance = new int[e1 - e0];
      for (int e = e0; e < e1; e++) {
        chance[e - e0] = next.entryChance[e] < 0 ? -1 : chanceHere[next.entryChance[e]];
      }
      addCreation(next.creationAppeared[t], law, chance, Arrays.copyOfRange(next.entryShare, e0, e1),
          Arrays.copyOfRange(next.entryLogNot, e0, e1), next.creationCount[t]);
    }
  }

  /**
   * The index here of the fitted probability of law {@code law} with that ordinal, made when first
   * seen (with whether its value is known, and the value).
   */
  int chance(int law, int ordinal, boolean known, double value) {
    if (chanceIndex == null) {
      chanceIndex = new HashMap<>();
      for (int g = 0; g < chances; g++) {
        chanceIndex.put(chanceKey(chanceLaw[g], chanceOrdinal[g]), g);
      }
    }
    Integer seen = chanceIndex.get(chanceKey(law, ordinal));
    if (seen != null) {
      return seen;
    }
    if (chances == chanceLaw.length) {
      int n = chances * 2;
      chanceLaw = Arrays.copyOf(chanceLaw, n);
      chanceOrdinal = Arrays.copyOf(chanceOrdinal, n);
      chanceKnown = Arrays.copyOf(chanceKnown, n);
      chanceValue = Arrays.copyOf(chanceValue, n);
    }
    chanceLaw[chances] = law;
    chanceOrdinal[chances] = ordinal;
    chanceKnown[chances] = known;
    chanceValue[chances] = value;
    chanceIndex.put(chanceKey(law, ordinal), chances);
    return chances++;
  }

  private static long chanceKey(int law, int ordinal) {
    return ((long) law << 32) | (ordinal & 0xffffffffL);
  }

  /**
   * Stores a creation target once per distinct content (its opinions, with chances numbered in this
   * part, and what was observed), adding {@code count} to an equal one.
   */
  void addCreation(boolean appeared, int[] law, int[] chance, double[] share, double[] logNot, double count) {
    if (creationIndex == null) {
      creationIndex = new HashMap<>();
      for (int t = 0; t < creations; t++) {
        int e0 = creationEntryStart[t];
        int e1 = creationEntryStart[t + 1];
        creationIndex.put(creationKey(creationAppeared[t], Arrays.copyOfRange(entryLaw, e0, e1),
            Arrays.copyOfRange(entryChance, e0, e1), Arrays.copyOfRange(entryShare, e0, e1),
            Arrays.copyOfRange(entryLogNot, e0, e1)), t);
      }
    }
    String key = creationKey(appeared, law, chance, share, logNot);
    Integer same = creationIndex.get(key);
    if (same != null) {
      creationCount[same] += count;
      return;
    }
    if (creations + 1 >= creationCount.length) {
      int n = creationCount.length * 2;
      creationCount = Arrays.copyOf(creationCount, n);
      creationAppeared = Arrays.copyOf(creationAppeared, n);
      creationEntryStart = Arrays.copyOf(creationEntryStart, n + 1);
    }
    creationIndex.put(key, creations);
    creationCount[creations] = count;
    creationAppeared[creations] = appeared;
    creationEntryStart[creations] = entries;
    for (int i = 0; i < law.length; i++) {
      if (entries == entryLaw.length) {
        int n = entries * 2;
        entryLaw = Arrays.copyOf(entryLaw, n);
        entryChance = Arrays.copyOf(entryChance, n);
        entryShare = Arrays.copyOf(entryShare, n);
        entryLogNot = Arrays.copyOf(entryLogNot, n);
      }
      entryLaw[entries] = law[i];
      entryChance[entries] = chance[i];
      entryShare[entries] = share[i];
      entryLogNot[entries] = logNot[i];
      entries++;
    }
    creations++;
    creationEntryStart[creations] = entries;
  }

  private static String creationKey(boolean appeared, int[] law, int[] chance, double[] share, double[] logNot) {
    StringBuilder key = new StringBuilder(appeared ? "1" : "0");
    for (int i = 0; i < law.length; i++) {
      key.append(';').append(law[i]).append(',').append(chance[i]).append(',')
          .append(chance[i] < 0 ? logNot[i] : share[i]);
    }
    return key.toString();
  }

  /**
   * Stores the target just written after the last one (its classes, features and channels), or
   * counts it on an earlier one with the same content.
   */
  void finishTarget(double count) {
    observedTargets += (long) count;
    int same = findEqual(targets);
    if (same >= 0) {
      targetCount[same] += count;
      classes = targetClassStart[targets];
      feats = classFeatStart[classes];
      channelEntries = targetChannelStart[targets];
      return;
    }
    targetCount[targets] = count;
    insert(targets);
    targets++;
    targetClassStart[targets] = classes;
    targetChannelStart[targets] = channelEntries;
  }

  /** The end of target t's channels: the next target's start, or the entries so far for the one being written. */
  private int channelEnd(int t) {
    return t == targets ? channelEntries : targetChannelStart[t + 1];
  }

  private int classEnd(int t) {
    return t == targets ? classes : targetClassStart[t + 1];
  }

  private int hash(int t) {
    int c0 = targetClassStart[t];
    int c1 = classEnd(t);
    int h = 31 * (31 * (observedClass[t] - c0) + (c1 - c0));
    for (int k = targetChannelStart[t]; k < channelEnd(t); k++) {
      h = 31 * h + targetChannels[k];
    }
    for (int c = c0; c < c1; c++) {
      h = 31 * h + Double.hashCode(classLogMultiplicity[c]);
      for (int k = classFeatStart[c]; k < classFeatStart[c + 1]; k++) {
        h = 31 * h + featLaw[k];
        h = 31 * h + Double.hashCode(featVal[k]);
      }
      h = 31 * h + 7;
    }
    return h;
  }

  /** An earlier target with exactly the content of the candidate target {@code t} (the last one), or -1. */
  private int findEqual(int t) {
    int h = hash(t);
    targetHash[t] = h;
    if (table == null) {
      rebuildTable();
    }
    int mask = table.length - 1;
    for (int slot = spread(h) & mask; ; slot = (slot + 1) & mask) {
      int other = table[slot] - 1;
      if (other < 0) {
        return -1;
      }
      if (targetHash[other] == h && sameContent(other, t)) {
        return other;
      }
    }
  }

  private void rebuildTable() {
    int size = 1024;
    while (size < 2 * (targets + 1)) {
      size *= 2;
    }
    table = new int[size];
    for (int k = 0; k < targets; k++) {
      place(k);
    }
  }

  private boolean sameContent(int a, int b) {
    int a0 = targetClassStart[a];
    int a1 = targetClassStart[a + 1];
    int b0 = targetClassStart[b];
    int b1 = classEnd(b);
    if (a1 - a0 != b1 - b0 || observedClass[a] - a0 != observedClass[b] - b0
        || !Arrays.equals(targetChannels, targetChannelStart[a], targetChannelStart[a + 1],
            targetChannels, targetChannelStart[b], channelEnd(b))
        || targetUnspoken[a] != targetUnspoken[b]) {
      return false;
    }
    for (int i = 0; i < a1 - a0; i++) {
      int ca = a0 + i;
      int cb = b0 + i;
      if (classLogMultiplicity[ca] != classLogMultiplicity[cb]) {
        return false;
      }
      int fa = classFeatStart[ca];
      int fb = classFeatStart[cb];
      int len = classFeatStart[ca + 1] - fa;
      if (len != classFeatStart[cb + 1] - fb) {
        return false;
      }
      for (int k = 0; k < len; k++) {
        if (featLaw[fa + k] != featLaw[fb + k] || featVal[fa + k] != featVal[fb + k]) {
          return false;
        }
      }
    }
    return true;
  }

  private static int spread(int h) {
    int m = h * 0x9E3779B9;
    return m ^ (m >>> 16);
  }

  private void insert(int t) {
    if (2 * (targets + 1) > table.length) {
      table = new int[table.length * 2];
      for (int k = 0; k < targets; k++) {
        place(k);
      }
    }
    place(t);
  }

  private void place(int t) {
    int mask = table.length - 1;
    int slot = spread(targetHash[t]) & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = t + 1;
  }

  void ensureTargets(int n) {
    if (targetCount.length < n + 1) {
      int size = Math.max(n + 1, targetCount.length * 2);
      targetClassStart = Arrays.copyOf(targetClassStart, size + 1);
      observedClass = Arrays.copyOf(observedClass, size);
      targetCount = Arrays.copyOf(targetCount, size);
      targetHash = Arrays.copyOf(targetHash, size);
      targetChannelStart = Arrays.copyOf(targetChannelStart, size + 1);
      targetLogSize = Arrays.copyOf(targetLogSize, size);
      targetUnspoken = Arrays.copyOf(targetUnspoken, size);
    }
  }

  void ensureClasses(int n) {
    if (classLogMultiplicity.length < n) {
      int size = Math.max(n, classLogMultiplicity.length * 2);
      classLogMultiplicity = Arrays.copyOf(classLogMultiplicity, size);
      classFeatStart = Arrays.copyOf(classFeatStart, size + 1);
    }
  }

  void ensureFeats(int n) {
    if (featLaw.length < n) {
      int size = Math.max(n, featLaw.length * 2);
      featLaw = Arrays.copyOf(featLaw, size);
      featVal = Arrays.copyOf(featVal, size);
    }
  }

  void ensureChannels(int n) {
    if (targetChannels.length < n) {
      targetChannels = Arrays.copyOf(targetChannels, Math.max(n, targetChannels.length * 2));
    }
  }
}
