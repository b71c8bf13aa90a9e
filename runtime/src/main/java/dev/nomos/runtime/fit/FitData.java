package dev.nomos.runtime.fit;

import dev.nomos.runtime.Parallelism;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.internal.Creations;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.EpisodeSource;
import dev.nomos.runtime.trajectory.TransitionShards;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
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
public final class FitData implements Serializable {
  private static final long serialVersionUID = 1L;
  final List<String> lawNames;
  final int transitions;
  final double constant;
  final int targets;
  final long observedTargets;
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

  private FitData(List<String> lawNames, List<String> channels, FitPart b) {
    if (b.laws != lawNames.size() || b.channelCount != channels.size()) {
      throw new IllegalArgumentException("the parts were precomputed for other laws or another world");
    }
    this.lawNames = List.copyOf(lawNames);
    this.transitions = b.transitions;
    this.constant = b.constant.value();
    this.targets = b.targets;
    this.observedTargets = b.observedTargets;
    this.targetCount = Arrays.copyOf(b.targetCount, b.targets);
    this.targetClassStart = Arrays.copyOf(b.targetClassStart, b.targets + 1);
    this.observedClass = Arrays.copyOf(b.observedClass, b.targets);
    this.classLogMultiplicity = Arrays.copyOf(b.classLogMultiplicity, b.classes);
    this.classFeatStart = Arrays.copyOf(b.classFeatStart, b.classes + 1);
    this.featLaw = Arrays.copyOf(b.featLaw, b.feats);
    this.featVal = Arrays.copyOf(b.featVal, b.feats);
    this.channels = List.copyOf(channels);
    this.targetChannelStart = Arrays.copyOf(b.targetChannelStart, b.targets + 1);
    this.targetChannels = Arrays.copyOf(b.targetChannels, b.channelEntries);
    this.targetLogSize = Arrays.copyOf(b.targetLogSize, b.targets);
    this.targetUnspoken = Arrays.copyOf(b.targetUnspoken, b.targets);
    this.channelTargets = b.channelTargets.clone();
    this.spawnChannel = b.spawnChannel;
    this.logUnexplained = b.logUnexplained;
    this.creations = b.creations;
    this.creationCount = Arrays.copyOf(b.creationCount, b.creations);
    this.creationAppeared = Arrays.copyOf(b.creationAppeared, b.creations);
    this.creationEntryStart = Arrays.copyOf(b.creationEntryStart, b.creations + 1);
    this.entryLaw = Arrays.copyOf(b.entryLaw, b.entries);
    this.entryChance = Arrays.copyOf(b.entryChance, b.entries);
    this.entryShare = Arrays.copyOf(b.entryShare, b.entries);
    this.entryLogNot = Arrays.copyOf(b.entryLogNot, b.entries);
    int m = b.chances;
    this.chanceLaw = Arrays.copyOf(b.chanceLaw, m);
    this.chanceOrdinal = Arrays.copyOf(b.chanceOrdinal, m);
    this.chanceStart = new double[m];
    for (int g = 0; g < m; g++) {
      chanceStart[g] = b.chanceKnown[g] ? b.chanceValue[g] : observedRate(g);
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
    return precompute(model, episodes, progress, Parallelism.SERIAL);
  }

  /**
   * As {@link #precompute(WorldModel, List, ProgressListener)} on up to {@code threads} threads; the
   * data is the same for any number.
   */
  public static FitData precompute(WorldModel model, List<Episode> episodes, ProgressListener progress,
      Parallelism threads) {
    long total = 0;
    for (Episode e : episodes) {
      total += e.transitions();
    }
    Iterator<Episode> it = episodes.iterator();
    return precompute(model, () -> it.hasNext() ? it.next() : null, total, progress, threads);
  }

  /**
   * Runs every law of {@code model} once on every transition of the episodes {@code source} yields,
   * in shards on up to {@code threads} threads; only the shards in flight are held, so a stream of
   * episodes read from a file is scored in memory bounded by the longest episode and the distinct
   * targets. {@code total} is the number of transitions for progress (-1 when unknown).
   */
  public static FitData precompute(WorldModel model, EpisodeSource source, long total, ProgressListener progress,
      Parallelism threads) {
    if (threads.threads() == 1) {
      // One scorer for everything, and progress after every transition (a progress listener may
      // stop the work at a deadline); the data is the same as the shards' (FitPart).
      FitScorer scorer = new FitScorer(model);
      long done = 0;
      for (Episode e; (e = source.next()) != null; ) {
        for (int k = 0; k < e.transitions(); k++) {
          scorer.add(e, k, k + 1);
          progress.progress(++done, total);
        }
      }
      return of(model, List.of(scorer.part()));
    }
    FitPart all = new FitScorer(model).part();
    long[] done = {0};
    threads.ordered(TransitionShards.of(source, shard -> {
      FitScorer scorer = new FitScorer(model);
      scorer.add(shard.episode(), shard.from(), shard.to());
      return scorer.part();
    }), part -> {
      all.absorb(part);
      done[0] += part.transitions();
      progress.progress(done[0], total);
    });
    return of(model, List.of(all));
  }

  /** The data of parts precomputed for {@code model}'s laws, merged in list (data) order. */
  public static FitData of(WorldModel model, List<FitPart> parts) {
    List<String> channels = Floor.channels(model.schema());
    if (parts.size() == 1) {
      return new FitData(model.lawNames(), channels, parts.get(0));
    }
    FitPart all = new FitScorer(model).part();
    for (FitPart p : parts) {
      all.absorb(p);
    }
    return new FitData(model.lawNames(), channels, all);
  }

  public List<String> lawNames() { return lawNames; }

  public int transitions() { return transitions; }

  /** Number of distinct observed targets that carry law features. */
  public int targets() { return targets; }

  /** Number of observed targets that carry law features, before merging identical ones. */
  public long observedTargets() { return observedTargets; }

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
}
