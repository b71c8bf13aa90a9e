package dev.nomos.runtime.fit;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.model.internal.FloorChannels;
import dev.nomos.runtime.model.internal.Observations;
import dev.nomos.runtime.model.internal.OpinionCollector;
import dev.nomos.runtime.model.internal.Partitions;
import dev.nomos.runtime.model.internal.TargetObserver;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every law's scores on a data set, computed once so that fitting never runs a law again. Per
 * observed target some law spoke to, it stores the classes of values the laws tell apart (each with
 * its multiplicity and its sparse (law, feature) list) and which class the observed value fell in;
 * targets no law spoke to and unexplained new objects add a constant. The log-likelihood under
 * weights θ is then {@code constant + Σ_targets (a_obs - log Σ_c m_c exp(a_c))} with
 * {@code a_c = Σ_law θ_law f_law,c}: only weighted sums and log-sum-exps.
 *
 * <p>Targets with identical content (classes, features and observed class) are stored once with a
 * count: the features are relative to the frame (which laws agree, not where), so recurring
 * situations (a wall that stays, a ball in free flight) collapse to a few distinct targets.
 *
 * <p>Each target also keeps its floor channel and the log of its support size, so that the
 * floor's background {@code ε / N} ({@link Floor}) can be mixed in and ε fitted with the weights.
 */
public final class FitData {
  final List<String> lawNames;
  final int transitions;
  final double constant;
  final int targets;
  final int observedTargets;
  final double[] targetCount;
  final int[] targetClassStart;
  final int[] observedClass;
  final double[] classLogMultiplicity;
  final int[] classFeatStart;
  final int[] featLaw;
  final double[] featVal;
  final List<String> channels;
  final int[] targetChannel;
  final double[] targetLogSize;
  /**
   * What each target adds to the log-likelihood when no law speaks to it (its laws removed): a
   * uniform guess over its support, and for a place a spawn law names, nothing when no object was
   * created there and an unexplained placement when one was.
   */
  final double[] targetUnspoken;
  final long[] channelTargets;

  private FitData(Builder b) {
    this.lawNames = b.lawNames;
    this.transitions = b.transitions;
    this.constant = b.constant;
    this.targets = b.targets;
    this.observedTargets = b.observedTargets;
    this.targetCount = Arrays.copyOf(b.targetCount, b.targets);
    this.targetClassStart = Arrays.copyOf(b.targetClassStart, b.targets + 1);
    this.observedClass = Arrays.copyOf(b.observedClass, b.targets);
    this.classLogMultiplicity = Arrays.copyOf(b.classLogMultiplicity, b.classes);
    this.classFeatStart = Arrays.copyOf(b.classFeatStart, b.classes + 1);
    this.featLaw = Arrays.copyOf(b.featLaw, b.feats);
    this.featVal = Arrays.copyOf(b.featVal, b.feats);
    this.channels = b.channels;
    this.targetChannel = Arrays.copyOf(b.targetChannel, b.targets);
    this.targetLogSize = Arrays.copyOf(b.targetLogSize, b.targets);
    this.targetUnspoken = Arrays.copyOf(b.targetUnspoken, b.targets);
    this.channelTargets = b.channelTargets.clone();
  }

  /** Runs every law of {@code model} once on every transition of {@code episodes}. */
  public static FitData precompute(WorldModel model, List<Episode> episodes, ProgressListener progress) {
    Builder b = new Builder(model);
    long total = 0;
    for (Episode e : episodes) {
      total += e.transitions();
    }
    long done = 0;
    for (Episode e : episodes) {
      List<Frame> frames = e.frames();
      for (int k = 0; k + 1 < frames.size(); k++) {
        try {
          b.add(frames.get(k), frames.get(k + 1));
        } catch (LawException ex) {
          throw ex.at(e.location(k));
        }
        progress.progress(++done, total);
      }
    }
    return new FitData(b);
  }

  public List<String> lawNames() { return lawNames; }

  public int transitions() { return transitions; }

  /** Number of distinct observed targets that carry law features. */
  public int targets() { return targets; }

  /** Number of observed targets that carry law features, before merging identical ones. */
  public int observedTargets() { return observedTargets; }

  /** Number of stored (law, feature) entries: the work of one objective evaluation. */
  public int entries() { return featLaw.length; }

  /** The log-likelihood terms that no weight affects. */
  public double constant() { return constant; }

  /** The floor channels of the world ({@link Floor#channels}). */
  public List<String> channels() { return channels; }

  /** Number of observed targets some law spoke to in each channel, before merging identical ones. */
  public long[] channelTargets() { return channelTargets.clone(); }

  /**
   * How many observed targets each law spoke to, in law order (merged targets counted with their
   * multiplicity). A law with 0 never fired on a target the data shows: the data holds no evidence
   * for or against it.
   */
  public long[] firings() {
    long[] firings = new long[lawNames.size()];
    // A law may have features in several classes of one target; it fired there once.
    int[] lastTarget = new int[lawNames.size()];
    Arrays.fill(lastTarget, -1);
    for (int t = 0; t < targets; t++) {
      for (int k = classFeatStart[targetClassStart[t]]; k < classFeatStart[targetClassStart[t + 1]]; k++) {
        int law = featLaw[k];
        if (lastTarget[law] != t) {
          lastTarget[law] = t;
          firings[law] += (long) targetCount[t];
        }
      }
    }
    return firings;
  }

  /**
   * Groups of laws whose opinions are identical on this data: the same feature in the same class of
   * every stored target, so that no weighting can tell them apart here. Each group lists law indexes
   * in increasing order and has at least two; laws that never fired are in none (having no evidence
   * is not agreeing). Exact: columns are bucketed by a hash and then compared entry by entry.
   */
  public List<int[]> identicalLaws() {
    int n = lawNames.size();
    int[] start = new int[n + 1];
    for (int law : featLaw) {
      start[law + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int[] fill = Arrays.copyOf(start, n);
    int[] columnClass = new int[featLaw.length];
    double[] columnValue = new double[featLaw.length];
    for (int c = 0; c < classFeatStart.length - 1; c++) {
      for (int k = classFeatStart[c]; k < classFeatStart[c + 1]; k++) {
        int at = fill[featLaw[k]]++;
        columnClass[at] = c;
        columnValue[at] = featVal[k];
      }
    }
    Map<Long, List<Integer>> buckets = new HashMap<>();
    for (int i = 0; i < n; i++) {
      if (start[i + 1] == start[i]) {
        continue;
      }
      long h = 1;
      for (int k = start[i]; k < start[i + 1]; k++) {
        h = 1_000_003L * h + columnClass[k];
        h = 1_000_003L * h + Double.hashCode(columnValue[k]);
      }
      buckets.computeIfAbsent(h, x -> new ArrayList<>()).add(i);
    }
    List<int[]> groups = new ArrayList<>();
    for (List<Integer> bucket : buckets.values()) {
      boolean[] placed = new boolean[bucket.size()];
      for (int a = 0; a < bucket.size(); a++) {
        if (placed[a]) {
          continue;
        }
        List<Integer> group = new ArrayList<>(List.of(bucket.get(a)));
        for (int b = a + 1; b < bucket.size(); b++) {
          if (!placed[b] && sameColumn(bucket.get(a), bucket.get(b), start, columnClass, columnValue)) {
            placed[b] = true;
            group.add(bucket.get(b));
          }
        }
        if (group.size() > 1) {
          groups.add(group.stream().mapToInt(Integer::intValue).sorted().toArray());
        }
      }
    }
    groups.sort(Comparator.comparingInt(g -> g[0]));
    return groups;
  }

  private static boolean sameColumn(int a, int b, int[] start, int[] columnClass, double[] columnValue) {
    int len = start[a + 1] - start[a];
    if (len != start[b + 1] - start[b]) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (columnClass[start[a] + k] != columnClass[start[b] + k]
          || columnValue[start[a] + k] != columnValue[start[b] + k]) {
        return false;
      }
    }
    return true;
  }

  private static final class Builder implements TargetObserver {
    final List<String> lawNames;
    final List<Law> laws;
    final OpinionCollector collector;
    final Partitions partitions = new Partitions();
    final Observations observations = new Observations();
    int transitions;
    double constant;
    int targets;
    int observedTargets;
    double[] targetCount = new double[1024];
    int[] targetHash = new int[1024];
    int[] table = new int[4096];
    int[] targetClassStart = new int[1024];
    int[] observedClass = new int[1024];
    int classes;
    double[] classLogMultiplicity = new double[4096];
    int[] classFeatStart = new int[4097];
    int feats;
    int[] featLaw = new int[16384];
    double[] featVal = new double[16384];
    final List<String> channels;
    final FloorChannels floorChannels;
    int[] targetChannel = new int[1024];
    double[] targetLogSize = new double[1024];
    double[] targetUnspoken = new double[1024];
    final long[] channelTargets;
    final int spawnChannel;
    final double unexplained;

    Builder(WorldModel model) {
      this.channels = Floor.channels(model.schema());
      this.floorChannels = new FloorChannels(model.schema());
      this.channelTargets = new long[channels.size()];
      this.spawnChannel = channels.indexOf(Floor.SPAWN);
      this.unexplained = Observations.unexplainedLogProbability(model.schema());
      this.lawNames = model.lawNames();
      this.laws = model.laws();
      this.collector = new OpinionCollector(model.schema(), lawNames.toArray(String[]::new), model.options().nu());
    }

    void add(Frame t, Frame next) {
      collector.run(t, laws);
      partitions.build(collector);
      observations.observe(collector, partitions, next, this);
      transitions++;
    }

    @Override
    public void constant(double logProbability, int type) {
      constant += logProbability;
    }

    @Override
    public void observed(int part, int value, int type) {
      Partitions p = partitions;
      int first = p.segStart(part);
      int last = p.segEnd(part);
      ensureTargets(targets + 1);
      ensureClasses(classes + (last - first) + 1);
      targetClassStart[targets] = classes;
      int observed = -1;
      for (int s = first; s < last; s++) {
        int from = p.featStart(s);
        int to = p.featEnd(s);
        ensureFeats(feats + (to - from));
        if (value >= p.segLo(s) && value <= p.segHi(s)) {
          observed = classes;
        }
        classLogMultiplicity[classes] = Math.log((double) p.segHi(s) - p.segLo(s) + 1);
        classFeatStart[classes] = feats;
        for (int k = from; k < to; k++) {
          featLaw[feats] = p.featLaw(k);
          featVal[feats] = p.featVal(k);
          feats++;
        }
        classes++;
      }
      long unmentioned = p.unmentioned(part);
      if (observed < 0 && (value < p.baseLo(part) || value > p.baseHi(part))) {
        unmentioned++; // The observed value outside the support joins the unmentioned values.
      }
      if (unmentioned > 0) {
        if (observed < 0) {
          observed = classes;
        }
        classLogMultiplicity[classes] = Math.log((double) unmentioned);
        classFeatStart[classes] = feats;
        classes++;
      }
      classFeatStart[classes] = feats;
      observedClass[targets] = observed;
      int channel = floorChannels.channel(type, p.offset(part));
      targetChannel[targets] = channel;
      targetLogSize[targets] = Math.log((double) p.supportSize(part, value));
      targetUnspoken[targets] = channel != spawnChannel ? -targetLogSize[targets] : value == 1 ? unexplained : 0;
      channelTargets[channel]++;
      observedTargets++;
      int same = findEqual(targets);
      if (same >= 0) {
        targetCount[same]++;
        classes = targetClassStart[targets];
        feats = classFeatStart[classes];
        return;
      }
      targetCount[targets] = 1;
      insert(targets);
      targets++;
      targetClassStart[targets] = classes;
    }

    private int hash(int t) {
      int c0 = targetClassStart[t];
      int c1 = classes;
      int h = 31 * (31 * (observedClass[t] - c0) + (c1 - c0)) + targetChannel[t];
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

    private boolean sameContent(int a, int b) {
      int a0 = targetClassStart[a];
      int a1 = targetClassStart[a + 1];
      int b0 = targetClassStart[b];
      int b1 = classes;
      if (a1 - a0 != b1 - b0 || observedClass[a] - a0 != observedClass[b] - b0
          || targetChannel[a] != targetChannel[b] || targetUnspoken[a] != targetUnspoken[b]) {
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

    private void ensureTargets(int n) {
      if (targetClassStart.length < n + 1) {
        int size = Math.max(n + 1, targetClassStart.length * 2);
        targetClassStart = Arrays.copyOf(targetClassStart, size);
        observedClass = Arrays.copyOf(observedClass, size);
        targetCount = Arrays.copyOf(targetCount, size);
        targetHash = Arrays.copyOf(targetHash, size);
        targetChannel = Arrays.copyOf(targetChannel, size);
        targetLogSize = Arrays.copyOf(targetLogSize, size);
        targetUnspoken = Arrays.copyOf(targetUnspoken, size);
      }
    }

    private void ensureClasses(int n) {
      if (classLogMultiplicity.length < n) {
        int size = Math.max(n, classLogMultiplicity.length * 2);
        classLogMultiplicity = Arrays.copyOf(classLogMultiplicity, size);
        classFeatStart = Arrays.copyOf(classFeatStart, size + 1);
      }
    }

    private void ensureFeats(int n) {
      if (featLaw.length < n) {
        int size = Math.max(n, featLaw.length * 2);
        featLaw = Arrays.copyOf(featLaw, size);
        featVal = Arrays.copyOf(featVal, size);
      }
    }
  }
}
