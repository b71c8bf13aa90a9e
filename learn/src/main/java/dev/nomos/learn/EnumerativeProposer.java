package dev.nomos.learn;

import dev.nomos.learn.internal.BoundedMemo;
import dev.nomos.learn.internal.Candidate;
import dev.nomos.learn.internal.Miner;
import dev.nomos.learn.internal.MiningMemory;
import dev.nomos.runtime.Parallelism;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline proposer: mines candidate laws from the surprising transitions with templates that
 * are generic over the world schema (inertia, action-conditioned velocities, contact-conditioned
 * flips and sets by side, pushes one contact further, free fall, steps added each frame,
 * history, attribute state machines under actions and contacts, destroy and spawn, deaths on
 * contact, transforms, teleports, weighted random steps, moves on a beat read from history), with
 * constants and frequencies taken from the data. Candidates are ranked by how many targets they get right, weighted by how
 * precise they are where their context holds; the loop's fit decides which ones stay.
 */
public final class EnumerativeProposer implements Proposer {
  private final double minPrecision;
  private final int minSupport;
  /**
   * The observations of the transitions mined so far: a round's worst transitions were mostly among
   * an earlier round's (or another selection run's), and are added up again rather than mined again.
   */
  private final MiningMemory memory = new MiningMemory();

  public EnumerativeProposer() {
    this(0.2, 2);
  }

  /**
   * @param minPrecision candidates right less often than this where their context holds are dropped
   * @param minSupport candidates right fewer times than this are dropped
   */
  public EnumerativeProposer(double minPrecision, int minSupport) {
    this.minPrecision = minPrecision;
    this.minSupport = minSupport;
  }

  @Override
  public String name() {
    return "enumerative";
  }

  @Override
  public Proposal propose(ProposalRequest request) {
    return propose(request, null);
  }

  /** Mines on the threads of {@code workers} (null for the caller's alone): the same candidates as on one. */
  @Override
  public Proposal propose(ProposalRequest request, Parallelism workers) {
    List<Candidate> mined = new Miner(request.schema(), 6, request.headings(), request.actionDirections(), request.timing(),
        request.actionDependence())
        .remembering(memory)
        .mine(request.surprising(), request.predicted(), request.deadline()::passed, workers);
    Set<String> known = new HashSet<>();
    for (String key : request.tried()) {
      known.add(shape(key));
    }
    Set<String> names = new HashSet<>();
    for (CurrentLaw law : request.currentLaws()) {
      known.add(shape(LawText.key(law.source())));
      names.add(law.name());
    }
    int support = request.surprising().size() < 4 ? 1 : minSupport;
    List<Candidate> ranked = new ArrayList<>();
    for (Candidate c : mined) {
      if (c.correct >= support && c.precision() >= minPrecision) {
        ranked.add(c);
      }
    }
    // Equal scores: the data cannot tell the candidates apart, so the one stating less goes first,
    // and of those the one that holds for every heading (it reaches what the data shows one way only).
    ranked.sort(RANKING);
    List<String> out = new ArrayList<>();
    for (Candidate c : spreadOverTargets(ranked)) {
      if (out.size() == request.maxCandidates()) {
        break;
      }
      String name = uniqueName(c.nameHint(), names);
      String source = "law " + name + " " + c.body();
      // Keyed without its name, which changes from round to round while the statement does not.
      if (known.add(shape(LawText.key("law " + KEYED_NAME + " " + c.body())))) {
        out.add(source);
      } else {
        names.remove(name);
      }
    }
    return new Proposal(out, Usage.NONE,
        List.of(mined.size() + " mined, " + ranked.size() + " above thresholds, " + out.size() + " new"));
  }

  /**
   * Best first: the higher score, then fewer conditions, then the one that holds for every heading,
   * then the shorter body, then the body's text. Written out rather than chained from key
   * extractors: a round sorts thousands of candidates.
   */
  private static final Comparator<Candidate> RANKING = (a, b) -> {
    int c = Double.compare(b.score(), a.score());
    if (c == 0) {
      c = Integer.compare(a.conditions(), b.conditions());
    }
    if (c == 0) {
      c = Boolean.compare(!a.headingRelative, !b.headingRelative);
    }
    if (c == 0) {
      c = Integer.compare(a.body().length(), b.body().length());
    }
    return c != 0 ? c : a.body().compareTo(b.body());
  };

  /**
   * The ranked candidates reordered round-robin over the targets they speak to (best of each target
   * first), so that one busy target cannot take every place of a round; within a target, round-robin
   * over what the candidates say (their effects), so that variants of a statement the model already
   * gets right under one more condition cannot take every place of their target either: a monster
   * that steps down at the screen's edge ({@code vy := 50}) gets a place among its hundreds of
   * "{@code vy := 0} when ..." variants.
   */
  static List<Candidate> spreadOverTargets(List<Candidate> ranked) {
    Map<String, Map<String, ArrayDeque<Candidate>>> groups = new LinkedHashMap<>();
    for (Candidate c : ranked) {
      groups.computeIfAbsent(c.group, g -> new LinkedHashMap<>())
          .computeIfAbsent(c.effect(), e -> new ArrayDeque<>()).add(c);
    }
    List<ArrayDeque<Candidate>> targets = new ArrayList<>();
    for (Map<String, ArrayDeque<Candidate>> byEffect : groups.values()) {
      targets.add(new ArrayDeque<>(roundRobin(new ArrayList<>(byEffect.values()))));
    }
    return roundRobin(targets);
  }

  /** The best of each queue in turn, then the second of each, and so on. */
  private static List<Candidate> roundRobin(List<ArrayDeque<Candidate>> queues) {
    int total = queues.stream().mapToInt(ArrayDeque::size).sum();
    List<Candidate> out = new ArrayList<>(total);
    while (out.size() < total) {
      for (ArrayDeque<Candidate> q : queues) {
        if (!q.isEmpty()) {
          out.add(q.poll());
        }
      }
    }
    return out;
  }

  /**
   * A law's key with the frequencies of its weighted and joint choices left out: each round
   * estimates them from other transitions, and a choice the model has (or tried) with other
   * frequencies is the same statement, whose fitted weight already tunes how sharp it is.
   */
  static String shape(String key) {
    return SHAPES.apply(key);
  }

  /** The name a candidate is keyed under: a key leaves the name out, so any name gives the same key. */
  private static final String KEYED_NAME = "candidate";

  /** Shapes worked out, by key: every round shapes the laws tried and kept so far again. */
  private static final BoundedMemo SHAPES = new BoundedMemo(EnumerativeProposer::shapeOf, 50_000);

  private static String shapeOf(String key) {
    String shaped = strip(WEIGHTED, key, ":[0-9.]+", ":");
    return strip(CHOOSE, shaped, "weight\\s*[0-9.]+", "weight");
  }

  private static String strip(Pattern choice, String key, String frequency, String replacement) {
    Matcher m = choice.matcher(key);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll(frequency, replacement)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static final Pattern WEIGHTED = Pattern.compile("weighted\\([^)]*\\)");
  private static final Pattern CHOOSE = Pattern.compile("choose\\s*\\{[^}]*\\}");

  /** A character a law's name cannot hold: compiled once, as a round names hundreds of candidates. */
  private static final Pattern NOT_IN_A_NAME = Pattern.compile("[^A-Za-z0-9_]");

  private static String uniqueName(String hint, Set<String> names) {
    String base = NOT_IN_A_NAME.matcher(hint).replaceAll("_");
    if (base.isEmpty() || !Character.isLetter(base.charAt(0))) {
      base = "law_" + base;
    }
    if (base.length() > 60) {
      base = base.substring(0, 60);
    }
    String name = base;
    for (int k = 2; !names.add(name); k++) {
      name = base + "_" + k;
    }
    return name;
  }
}
