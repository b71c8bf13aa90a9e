package dev.nomos.runtime.fit;

import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.model.internal.Creations;
import dev.nomos.runtime.model.internal.FloorChannels;
import dev.nomos.runtime.model.internal.JointBlocks;
import dev.nomos.runtime.model.internal.Observations;
import dev.nomos.runtime.model.internal.OpinionCollector;
import dev.nomos.runtime.model.internal.Partitions;
import dev.nomos.runtime.model.internal.Requirements;
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
 * A joint block ({@code choose}) is stored as one target whose classes are the block's cells; it
 * keeps the channels of all its coordinates, and its background weight is {@code 1 - Π (1 - ε_c)}.
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
  /** The floor channels of target t: {@code targetChannels[targetChannelStart[t] .. targetChannelStart[t + 1])}. */
  final int[] targetChannelStart;
  final int[] targetChannels;
  final double[] targetLogSize;
  /**
   * What each target adds to the log-likelihood when no law speaks to it (its laws removed): a
   * uniform guess over its support.
   */
  final double[] targetUnspoken;
  final long[] channelTargets;
  final int spawnChannel;
  final double logUnexplained;
  final int creations;
  final double[] creationCount;
  final boolean[] creationAppeared;
  final int[] creationEntryStart;
  final int[] entryLaw;
  final int[] entryChance;
  final double[] entryShare;
  final double[] entryLogNot;
  final int[] chanceLaw;
  final int[] chanceOrdinal;
  final double[] chanceStart;

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
    this.targetChannelStart = Arrays.copyOf(b.targetChannelStart, b.targets + 1);
    this.targetChannels = Arrays.copyOf(b.targetChannels, b.channelEntries);
    this.targetLogSize = Arrays.copyOf(b.targetLogSize, b.targets);
    this.targetUnspoken = Arrays.copyOf(b.targetUnspoken, b.targets);
    this.channelTargets = b.channelTargets.clone();
    this.spawnChannel = b.floorChannels.channel(0, -1);
    this.logUnexplained = Observations.unexplainedLogProbability(b.schema);
    this.creations = b.creations;
    this.creationCount = Arrays.copyOf(b.creationCount, b.creations);
    this.creationAppeared = Arrays.copyOf(b.creationAppeared, b.creations);
    this.creationEntryStart = Arrays.copyOf(b.creationEntryStart, b.creations + 1);
    this.entryLaw = Arrays.copyOf(b.entryLaw, b.entries);
    this.entryChance = Arrays.copyOf(b.entryChance, b.entries);
    this.entryShare = Arrays.copyOf(b.entryShare, b.entries);
    this.entryLogNot = Arrays.copyOf(b.entryLogNot, b.entries);
    Creations seen = b.collector.creations();
    int m = seen.chances();
    this.chanceLaw = new int[m];
    this.chanceOrdinal = new int[m];
    this.chanceStart = new double[m];
    for (int g = 0; g < m; g++) {
      chanceLaw[g] = seen.chanceLaw(g);
      chanceOrdinal[g] = seen.chanceOrdinal(g);
      chanceStart[g] = seen.chanceKnown(g) ? seen.chanceValue(g) : observedRate(g);
    }
  }

  /**
   * The rate at which fitted probability g's creations happened: objects that appeared at its places
   * over the places' summed shares, the estimate of a lone cause (a start for fitting it; a start
   * far from it lets the fit silence the law before the probability can move).
   */
  private double observedRate(int g) {
    double hits = 0;
    double opportunities = 0;
    for (int t = 0; t < creations; t++) {
      for (int e = creationEntryStart[t]; e < creationEntryStart[t + 1]; e++) {
        if (entryChance[e] == g) {
          opportunities += creationCount[t] * entryShare[e];
          if (creationAppeared[t]) {
            hits += creationCount[t];
          }
        }
      }
    }
    return opportunities == 0 ? Creations.UNFITTED : hits / opportunities;
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
  public int entries() { return featLaw.length + entryLaw.length; }

  /** Number of distinct observed creation targets. */
  public int creationTargets() { return creations; }

  /** Number of fitted creation probabilities the laws stated on this data. */
  public int chances() { return chanceLaw.length; }

  /**
   * The laws whose every opinion on this data is a creation with a fitted probability (law order).
   * Their weight and that probability say the same thing twice ({@code θ log(1 - s c)}), so the
   * fit holds such a law's weight and moves its probability.
   */
  public boolean[] onlyFittedCreations() {
    boolean[] only = new boolean[lawNames.size()];
    for (int law : chanceLaw) {
      only[law] = true;
    }
    for (int law : featLaw) {
      only[law] = false;
    }
    for (int e = 0; e < entryLaw.length; e++) {
      if (entryChance[e] < 0) {
        only[entryLaw[e]] = false;
      }
    }
    return only;
  }

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
    for (int t = 0; t < creations; t++) {
      for (int e = creationEntryStart[t]; e < creationEntryStart[t + 1]; e++) {
        firings[entryLaw[e]] += (long) creationCount[t];
      }
    }
    return firings;
  }

  /**
   * Groups of laws whose opinions are identical on this data: the same feature in the same class of
   * every stored target, so that no weighting can tell them apart here. Each group lists law indexes
   * in increasing order and has at least two; laws that never fired are in none (having no evidence
   * is not agreeing). Laws that state creations are in none: creations combine as independent
   * causes, not as weighted sums, so their weights cannot be merged. Exact: columns are bucketed by
   * a hash and then compared entry by entry.
   */
  public List<int[]> identicalLaws() {
    int n = lawNames.size();
    boolean[] creates = new boolean[n];
    for (int law : entryLaw) {
      creates[law] = true;
    }
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
      if (start[i + 1] == start[i] || creates[i]) {
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
    final dev.nomos.runtime.WorldSchema schema;
    final List<String> lawNames;
    final List<Law> laws;
    final OpinionCollector collector;
    final Partitions partitions = new Partitions();
    final JointBlocks blocks = new JointBlocks();
    final List<Law> constraints;
    final Requirements requirements;
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
    int[] targetChannelStart = new int[1025];
    int channelEntries;
    int[] targetChannels = new int[1024];
    private boolean[] outside = new boolean[8];
    double[] targetLogSize = new double[1024];
    double[] targetUnspoken = new double[1024];
    final long[] channelTargets;
    final Map<String, Integer> creationIndex = new HashMap<>();
    int creations;
    double[] creationCount = new double[64];
    boolean[] creationAppeared = new boolean[64];
    int[] creationEntryStart = new int[65];
    int entries;
    int[] entryLaw = new int[64];
    int[] entryChance = new int[64];
    double[] entryShare = new double[64];
    double[] entryLogNot = new double[64];

    private final WorldModel model;
    private Inference predictor;

    Builder(WorldModel model) {
      this.model = model;
      this.schema = model.schema();
      this.channels = Floor.channels(model.schema());
      this.floorChannels = new FloorChannels(model.schema());
      this.channelTargets = new long[channels.size()];
      this.lawNames = model.lawNames();
      this.laws = model.laws();
      this.collector = new OpinionCollector(model.schema(), lawNames.toArray(String[]::new), model.options().nu(),
          model.chancesByLaw());
      this.constraints = model.constraints();
      this.requirements = constraints.isEmpty() ? null : new Requirements(constraints);
    }

    /**
     * Stores a creation target once per distinct content (its opinions and what was observed), with
     * a count, as object targets are.
     */
    @Override
    public void creation(int target, boolean appeared, int type) {
      Creations c = collector.creations();
      StringBuilder key = new StringBuilder(appeared ? "1" : "0");
      for (int e = c.first(target); e >= 0; e = c.next(e)) {
        key.append(';').append(c.law(e)).append(',').append(c.chance(e)).append(',')
            .append(c.chance(e) < 0 ? c.logNot(e) : c.share(e));
      }
      channelTargets[floorChannels.channel(0, -1)]++;
      Integer same = creationIndex.get(key.toString());
      if (same != null) {
        creationCount[same]++;
        return;
      }
      if (creations + 1 >= creationCount.length) {
        int n = creationCount.length * 2;
        creationCount = Arrays.copyOf(creationCount, n);
        creationAppeared = Arrays.copyOf(creationAppeared, n);
        creationEntryStart = Arrays.copyOf(creationEntryStart, n + 1);
      }
      creationIndex.put(key.toString(), creations);
      creationCount[creations] = 1;
      creationAppeared[creations] = appeared;
      creationEntryStart[creations] = entries;
      for (int e = c.first(target); e >= 0; e = c.next(e)) {
        if (entries == entryLaw.length) {
          int n = entries * 2;
          entryLaw = Arrays.copyOf(entryLaw, n);
          entryChance = Arrays.copyOf(entryChance, n);
          entryShare = Arrays.copyOf(entryShare, n);
          entryLogNot = Arrays.copyOf(entryLogNot, n);
        }
        entryLaw[entries] = c.law(e);
        entryChance[entries] = c.chance(e);
        entryShare[entries] = c.share(e);
        entryLogNot[entries] = c.logNot(e);
        entries++;
      }
      creations++;
      creationEntryStart[creations] = entries;
    }

    private Inference predictor() {
      if (predictor == null) {
        predictor = model.newInference();
      }
      return predictor;
    }

    void add(Frame t, Frame next) {
      collector.run(t, laws);
      if (requirements != null) {
        // Constraints carry no weight, but they cut the supports the weights are fitted over. A
        // `next(...)` guard reads the most likely next frame under the weights fitting starts from.
        requirements.runDecidingNext(t, constraints, collector, () -> predictor().mostLikelyNext(t, -1));
      }
      partitions.build(collector, requirements);
      blocks.build(collector, partitions);
      observations.observe(collector, partitions, blocks, next, this);
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
      ensureChannels(channelEntries + 1);
      targetChannelStart[targets] = channelEntries;
      targetChannels[channelEntries++] = channel;
      targetLogSize[targets] = Math.log((double) p.supportSize(part, value));
      targetUnspoken[targets] = -targetLogSize[targets];
      channelTargets[channel]++;
      finishTarget();
    }

    @Override
    public void observedJoint(int block, int[] values, int type) {
      JointBlocks jb = blocks;
      int from = jb.coordStart(block);
      int to = jb.coordEnd(block);
      if (outside.length < to - from) {
        outside = new boolean[Math.max(to - from, outside.length * 2)];
      }
      double logSize = 0;
      ensureTargets(targets + 1);
      ensureChannels(channelEntries + (to - from));
      targetChannelStart[targets] = channelEntries;
      for (int q = from; q < to; q++) {
        outside[q - from] = jb.outside(q, values[q - from]);
        logSize += Math.log((double) jb.supportSize(q) + (outside[q - from] ? 1 : 0));
        int channel = floorChannels.channel(type, jb.offset(q));
        targetChannels[channelEntries++] = channel;
        channelTargets[channel]++;
      }
      int obsCell = jb.cellOf(block, values);
      ensureClasses(classes + (jb.cellEnd(block) - jb.cellStart(block)));
      targetClassStart[targets] = classes;
      int observed = -1;
      for (int cell = jb.cellStart(block); cell < jb.cellEnd(block); cell++) {
        double logMult = jb.logMultiplicity(block, cell, outside);
        if (logMult == Double.NEGATIVE_INFINITY) {
          continue; // An empty cell (the observed one never is: it holds the observation).
        }
        if (cell == obsCell) {
          observed = classes;
        }
        classLogMultiplicity[classes] = logMult;
        classFeatStart[classes] = feats;
        ensureFeats(feats + (jb.featEnd(cell) - jb.featStart(cell)));
        for (int k = jb.featStart(cell); k < jb.featEnd(cell); k++) {
          featLaw[feats] = jb.featLaw(k);
          featVal[feats] = jb.featVal(k);
          feats++;
        }
        classes++;
      }
      classFeatStart[classes] = feats;
      observedClass[targets] = observed;
      targetLogSize[targets] = logSize;
      targetUnspoken[targets] = -logSize;
      finishTarget();
    }

    /** Stores the target just written, or counts it on an earlier one with the same content. */
    private void finishTarget() {
      observedTargets++;
      int same = findEqual(targets);
      if (same >= 0) {
        targetCount[same]++;
        classes = targetClassStart[targets];
        feats = classFeatStart[classes];
        channelEntries = targetChannelStart[targets];
        return;
      }
      targetCount[targets] = 1;
      insert(targets);
      targets++;
      targetClassStart[targets] = classes;
      targetChannelStart[targets] = channelEntries;
    }

    /** The end of target t's channels: the next target's start, or the entries so far for the one being written. */
    private int channelEntries(int t) {
      return t == targets ? channelEntries : targetChannelStart[t + 1];
    }

    private void ensureChannels(int n) {
      if (targetChannels.length < n) {
        targetChannels = Arrays.copyOf(targetChannels, Math.max(n, targetChannels.length * 2));
      }
    }

    private int hash(int t) {
      int c0 = targetClassStart[t];
      int c1 = classes;
      int h = 31 * (31 * (observedClass[t] - c0) + (c1 - c0));
      for (int k = targetChannelStart[t]; k < channelEntries(t); k++) {
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
          || !Arrays.equals(targetChannels, targetChannelStart[a], targetChannelStart[a + 1],
              targetChannels, targetChannelStart[b], channelEntries)
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

    private void ensureTargets(int n) {
      if (targetClassStart.length < n + 1) {
        int size = Math.max(n + 1, targetClassStart.length * 2);
        targetClassStart = Arrays.copyOf(targetClassStart, size);
        observedClass = Arrays.copyOf(observedClass, size);
        targetCount = Arrays.copyOf(targetCount, size);
        targetHash = Arrays.copyOf(targetHash, size);
        targetChannelStart = Arrays.copyOf(targetChannelStart, size + 1);
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
