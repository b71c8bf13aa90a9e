package dev.nomos.learn;

import dev.nomos.compiler.codegen.Engine;
import dev.nomos.compiler.source.Span;
import dev.nomos.learn.internal.ClusterScoring;
import dev.nomos.learn.internal.HeldOutPruning;
import dev.nomos.learn.internal.HoleFiller;
import dev.nomos.learn.internal.Narrowness;
import dev.nomos.learn.internal.OpinionCheck;
import dev.nomos.learn.internal.OrderedEvents;
import dev.nomos.learn.internal.RoundCosts;
import dev.nomos.learn.internal.RoundSelector;
import dev.nomos.learn.internal.TimeBudget;
import dev.nomos.learn.internal.TimeBudget.OutOfTime;
import dev.nomos.learn.internal.TransitionScoring;
import dev.nomos.learn.internal.ValidationSplit;
import dev.nomos.runtime.Deadline;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.Parallelism;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.cluster.ClusterSession;
import dev.nomos.runtime.fit.FitData;
import dev.nomos.runtime.fit.FitResult;
import dev.nomos.runtime.fit.Fitter;
import dev.nomos.runtime.fit.LawAblation;
import dev.nomos.runtime.model.AttributeScore;
import dev.nomos.runtime.model.Evaluation;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.Inference;
import dev.nomos.runtime.model.Metrics;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.TransitionScore;
import dev.nomos.runtime.model.TypeEvaluation;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.Episodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The learning loop, after PoE-World: fit the weights, find the transitions the model explains
 * worst (per-transition log-likelihood below a threshold), render them, ask the proposer for
 * candidate laws, check them (a bad candidate never stops the loop), fill their holes on the
 * transitions that prompted them, deduplicate by canonical form, compile, refit, prune, and repeat
 * until the data is explained or the budget (iterations, model calls, tokens, time) is spent.
 *
 * <pre>{@code
 * Learner learner = new Learner(schema, worldSource, compiler, new EnumerativeProposer(),
 *     LearnOptions.enumerativeDefaults(), ModelOptions.defaults(), LearnListener.NONE);
 * LearnResult result = learner.learn(train, test, List.of());
 * }</pre>
 */
public final class Learner {
  private final WorldSchema schema;
  private final String worldSource;
  private final LawCompiler compiler;
  private final Proposer proposer;
  private final LearnOptions options;
  private final ModelOptions modelOptions;
  private final LearnListener listener;
  private final TransitionRenderer renderer = new TransitionRenderer();
  /**
   * Proposals of an offline proposer by what it was asked, so that the runs of model selection,
   * which start from the same model on the same data, mine their first rounds once (a run asking
   * while another mines the same request waits for its answer).
   */
  private final Map<String, CompletableFuture<Proposal>> proposals = new ConcurrentHashMap<>();
  /**
   * Compilations by law text in the current {@link #learn} call: the runs of model selection are
   * proposed many of the same candidates, and a compiled law is stateless, so each text is compiled once.
   */
  private final Map<String, LawCompiler.Compiled> compilations = new ConcurrentHashMap<>();
  /** The threads of the current {@link #learn} call. */
  private Parallelism workers = Parallelism.SERIAL;
  /** Where the passes over all the training data run when not on {@link #workers} (null: here). */
  private ClusterScoring cluster;

  /**
   * One law of the model being learned; {@code conditions} is how many conditions it states
   * ({@link Narrowness}), so that a merge keeps the law stating fewest.
   */
  private record Entry(String name, String source, String key, Law law, boolean fresh, int conditions) {

    Entry stale() {
      return new Entry(name, source, key, law, false, conditions);
    }
  }

  /**
   * A candidate taken as far as it goes before the model's state decides on it: holes filled,
   * renamed clear of the names in use when it was prepared, compiled, and run on the transitions that
   * prompted it. Candidates are prepared on several threads; {@link #admit} then decides on them in
   * their order, as one thread would, preparing a candidate again only where a law admitted before
   * it took its name.
   *
   * @param proposed whether the proposer made it (else the user wrote it)
   * @param rejection why it is rejected whatever the model's state (null when it is not)
   * @param name the name it declares (null when rejected before naming)
   * @param unique the name it was compiled under, and {@code text} its text under that name
   * @param compileFailure why it did not compile (null when it did)
   * @param checkSeconds how long its run on the prompting transitions took
   */
  private record Prepared(String candidate, String key, boolean proposed, String rejection, String name,
      String unique, String text, LawCompiler.Compiled compiled, String compileFailure, String canonicalKey,
      boolean neverRight, double checkSeconds) {}

  /**
   * What a run's training data shows beyond its transitions, read once per training set (each run of
   * the selection grid shares one): headings, actions that name directions, and clocks, read off all
   * of it since a round's worst transitions may show too few of the events that time them (a
   * sword's end costs little next to the monsters' moves).
   */
  private record DataShapes(List<Heading> headings, ActionDirections directions, Timing timing,
      ActionDependence actionDependence) {
    static DataShapes of(WorldSchema schema, List<Episode> train, List<Heading> headings) {
      return new DataShapes(headings, ActionDirections.infer(schema, train), Timing.infer(schema, train),
          ActionDependence.infer(schema, train));
    }
  }

  public Learner(WorldSchema schema, String worldSource, LawCompiler compiler, Proposer proposer,
      LearnOptions options, ModelOptions modelOptions, LearnListener listener) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.worldSource = Objects.requireNonNull(worldSource, "worldSource");
    this.compiler = Objects.requireNonNull(compiler, "compiler");
    this.proposer = Objects.requireNonNull(proposer, "proposer");
    this.options = Objects.requireNonNull(options, "options");
    this.modelOptions = Objects.requireNonNull(modelOptions, "modelOptions");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Runs the passes over all the training data as jobs of {@code session}: the scoring of every
   * transition under each round's model, and the scoring of the laws, candidates included, on every
   * transition for each fit. The workers read the transitions from the trajectory files the episodes
   * were read from ({@code strict} as they were read) and compile the laws from their texts under
   * {@code engine}, so the learned model is the one of this machine. Episodes not read from a file are
   * scored here. Returns this learner.
   */
  public Learner scoringOn(ClusterSession session, Engine engine, boolean strict) {
    this.cluster = new ClusterScoring(Objects.requireNonNull(session, "session"), worldSource, engine, strict);
    return this;
  }

  /** The fitter of a model of {@code entries}; with merging on, of identical laws it keeps the one stating fewest conditions. */
  private Fitter fitter(List<Entry> entries) {
    if (!options.mergeIdentical()) {
      return new Fitter();
    }
    Map<String, Integer> conditions = new HashMap<>();
    for (Entry e : entries) {
      conditions.put(e.name(), e.conditions());
    }
    return new Fitter().mergingIdenticalLaws(name -> conditions.getOrDefault(name, 0));
  }

  /** A model of one round (its laws, weights and the floor its fit found), kept so that model selection can return to it. */
  private record Snapshot(int round, List<Entry> entries, double[] weights, Floor floor,
      Map<String, double[]> chances, IterationReport.TestMetrics validation) {

    /** This model without the laws marked in {@code removed}, the others at their weights. */
    Snapshot without(boolean[] removed) {
      List<Entry> kept = new ArrayList<>();
      double[] keptWeights = new double[entries.size()];
      for (int k = 0; k < removed.length; k++) {
        if (!removed[k]) {
          keptWeights[kept.size()] = weights[k];
          kept.add(entries.get(k));
        }
      }
      return new Snapshot(round, kept, Arrays.copyOf(keptWeights, kept.size()), floor, chances, validation);
    }
  }

  /** What one run of the loop ended with; {@code merges} are the laws its fits merged, for the report. */
  private record Run(List<Entry> entries, double[] weights, WorldModel model, String stop,
      List<IterationReport> reports, List<Snapshot> snapshots, Usage used, List<LearnReport.Merge> merges) {}

  /**
   * Learns laws from {@code train}, reporting held-out metrics on {@code test} (may be empty).
   * With {@link LearnOptions#selection()} on, the test data is only reported, never used to choose:
   * the loop runs on the training data less a validation part, once per L1 penalty, the round and
   * penalty that predict the validation part best are chosen, and the chosen laws' weights are
   * refitted on all the training data.
   *
   * <p>The work is shared among {@link LearnOptions#threads()} threads (the runs of the selection,
   * the candidates' checks, the scoring of the training data) and decided in a fixed order, so the
   * result is the one of a single thread as long as the time budget is not reached.
   *
   * @param initialLaws law source texts to start from (for example a hand-written model); those that
   *     do not compile are skipped
   */
  public LearnResult learn(List<Episode> train, List<Episode> test, List<String> initialLaws) {
    return learn(train, test, initialLaws, Deadline.in(options.maxTime()));
  }

  /**
   * As {@link #learn(List, List, List)}, ending by {@code deadline} (instead of
   * {@link LearnOptions#maxTime()} from now) with everything after the loop included: the runs of
   * the loop share the time less an estimate of the refit and the final evaluation, rounds that
   * would not end in time are not started, and a phase that overruns is cut short with the model
   * of the last whole round.
   */
  public LearnResult learn(List<Episode> train, List<Episode> test, List<String> initialLaws, Deadline deadline) {
    long start = System.nanoTime();
    // Rewards and ends are never among the worst-explained objects, so their laws are mined from all
    // the training data once and start with the model; the fit weighs and prunes them with the rest.
    List<String> starting = new ArrayList<>(initialLaws);
    List<Heading> headings = Heading.infer(schema, train);
    starting.addAll(dev.nomos.learn.internal.OutcomeMiner.mine(schema, train, headings));
    try (Parallelism w = Parallelism.of(options.threads())) {
      workers = w;
      return learn(train, test, starting, headings, new TimeBudget(deadline), start);
    } finally {
      workers = Parallelism.SERIAL;
      proposals.clear();
      compilations.clear();
    }
  }

  private LearnResult learn(List<Episode> train, List<Episode> test, List<String> initialLaws, List<Heading> headings,
      TimeBudget budget, long start) {
    ModelSelection selection = options.selection();
    ValidationSplit split = selection.enabled() ? ValidationSplit.of(train, selection.validationFraction()) : null;
    if (split == null || split.validation().isEmpty()) {
      Run run = loop(train, DataShapes.of(schema, train, headings), test, List.of(), initialLaws, modelOptions,
          budget.nextRun(1), budget, 0, IterationReport.LOOP, Usage.NONE, listener);
      return result(run.entries(), run.weights(), run.model(), run.reports(), run.stop(), test, start, null, budget,
          null, run.merges());
    }
    List<Double> lambdas = selection.lambdas().isEmpty() ? List.of(modelOptions.lambda()) : selection.lambdas();
    double refitScale = (double) Episodes.transitions(train) / Math.max(1, Episodes.transitions(split.fit()));
    DataShapes fitShapes = DataShapes.of(schema, split.fit(), Heading.infer(schema, split.fit()));
    List<Run> runs = selectionRuns(split, fitShapes, test, initialLaws, lambdas, budget, refitScale);
    List<IterationReport> reports = new ArrayList<>();
    List<LearnReport.Merge> merges = new ArrayList<>();
    List<RoundSelector.Scored> scored = new ArrayList<>();
    List<Snapshot> snapshots = new ArrayList<>();
    List<ModelOptions> snapshotOptions = new ArrayList<>();
    List<String> stops = new ArrayList<>();
    for (int k = 0; k < runs.size(); k++) {
      Run run = runs.get(k);
      double lambda = lambdas.get(k);
      reports.addAll(run.reports());
      merges.addAll(run.merges());
      stops.add(run.stop());
      for (Snapshot snap : run.snapshots()) {
        snapshots.add(snap);
        snapshotOptions.add(modelOptions.withLambda(lambda));
        scored.add(new RoundSelector.Scored(lambda, snap.round(), snap.entries().size(),
            snap.validation().attributeAccuracy(), snap.validation().nllPerTransition()));
      }
    }
    // The model-call and token budget is for the whole learning, over all runs.
    Usage used = runs.get(runs.size() - 1).used();
    if (snapshots.isEmpty()) {
      // No run produced a model to compare: learn on everything as without selection.
      Run run = loop(train, DataShapes.of(schema, train, headings), test, List.of(), initialLaws, modelOptions,
          budget.nextRun(1), budget, 0, IterationReport.LOOP, used, listener);
      reports.addAll(run.reports());
      merges.addAll(run.merges());
      return result(run.entries(), run.weights(), run.model(), reports, run.stop(), test, start, null, budget, null,
          merges);
    }
    int best = RoundSelector.best(scored);
    Snapshot chosen = snapshots.get(best);
    ModelOptions chosenOptions = snapshotOptions.get(best);
    long refitStart = System.nanoTime();
    listener.phase(chosen.round(), "refitting on all training data");
    Snapshot kept = chosen;
    try {
      kept = chosen.without(heldOutRemovals(chosen, chosenOptions, split.validation(), budget.overall()));
    } catch (OutOfTime e) {
      // No time to weigh the laws on the held-out part: the chosen round's laws as they are.
    }
    int heldOutPruned = chosen.entries().size() - kept.entries().size();
    List<Entry> entries = new ArrayList<>(kept.entries());
    double[] startWeights = kept.weights();
    double[] weights;
    WorldModel model;
    int pruned = heldOutPruned;
    double trainNll;
    String stop = stops.get(lambdas.indexOf(chosenOptions.lambda()));
    try {
      FitResult fit = fit(entries, startWeights, train, chosenOptions, budget.overall());
      merged(IterationReport.REFIT, chosenOptions.lambda(), chosen.round(), fit, merges, listener);
      pruned += removePruned(entries, fit, new HashSet<>(), new HashSet<>());
      weights = keptWeights(fit, entries);
      model = fittedModel(entries, weights, chosenOptions, fit);
      trainNll = fit.trainNll();
    } catch (OutOfTime e) {
      // No time to refit on everything: the chosen model as it was fitted on the part learned from.
      weights = startWeights.clone();
      model = model(entries, weights, chosenOptions).withFloor(chosen.floor()).withChances(chosen.chances());
      trainNll = Double.NaN;
      stop = "time";
    }
    Evaluation finalEvaluation = evaluateWithin(model, test, budget.overall());
    IterationReport refit = new IterationReport(chosen.round(), 0, 0, 0, 0, 0, pruned, entries.size(),
        trainNll, finalEvaluation == null ? null : metrics(finalEvaluation), 0, 0, elapsed(refitStart),
        IterationReport.REFIT, chosenOptions.lambda(), null);
    reports.add(refit);
    listener.iterationDone(refit);
    LearnReport.Selection outcome = new LearnReport.Selection(Episodes.transitions(split.fit()),
        Episodes.transitions(split.validation()), chosenOptions.lambda(), chosen.round(), chosen.entries().size(),
        chosen.validation(), snapshots.size(), heldOutPruned);
    return result(entries, weights, model, reports, stop, test, start, outcome, budget, finalEvaluation, merges);
  }

  /**
   * The runs of model selection, one per penalty, in the penalties' order. The runs are independent
   * of each other, so with an offline proposer they work at the same time on the learner's threads;
   * what they tell the listener is passed on in the order of one thread doing them one by one. With a
   * proposer that calls models, the call and token budget runs on from one run to the next, so the
   * runs go one at a time.
   */
  private List<Run> selectionRuns(ValidationSplit split, DataShapes shapes, List<Episode> test,
      List<String> initialLaws, List<Double> lambdas, TimeBudget budget, double refitScale) {
    int runs = lambdas.size();
    int concurrent = proposer.callsModels() ? 1 : Math.min(workers.threads(), runs);
    if (concurrent == 1) {
      List<Run> out = new ArrayList<>();
      Usage used = Usage.NONE;
      for (int k = 0; k < runs; k++) {
        Run run = loop(split.fit(), shapes, test, split.validation(), initialLaws,
            modelOptions.withLambda(lambdas.get(k)), budget.nextRun(k, runs, 1), budget, refitScale,
            IterationReport.SELECT, used, listener);
        used = run.used();
        out.add(run);
      }
      return out;
    }
    OrderedEvents events = new OrderedEvents(listener, runs);
    List<Integer> indices = new ArrayList<>();
    for (int k = 0; k < runs; k++) {
      indices.add(k);
    }
    return workers.map(indices, k -> {
      try {
        return loop(split.fit(), shapes, test, split.validation(), initialLaws, modelOptions.withLambda(lambdas.get(k)),
            budget.nextRun(k, runs, concurrent), budget, refitScale, IterationReport.SELECT, Usage.NONE,
            events.of(k));
      } finally {
        events.finished(k);
      }
    });
  }

  /**
   * The learned model and its report. {@code evaluated} is the model's evaluation on {@code test}
   * when it was made already; otherwise it is made here, unless the deadline passes first (the
   * test data is only reported, so the model is returned without it).
   */
  private LearnResult result(List<Entry> entries, double[] weights, WorldModel model, List<IterationReport> reports,
      String stop, List<Episode> test, long start, LearnReport.Selection selection, TimeBudget budget,
      Evaluation evaluated, List<LearnReport.Merge> merges) {
    List<LearnedLaw> learned = new ArrayList<>();
    for (int k = 0; k < entries.size(); k++) {
      learned.add(new LearnedLaw(entries.get(k).name(), entries.get(k).source(), weights[k]));
    }
    Map<String, Double> attributes = new LinkedHashMap<>();
    Map<String, Map<String, Double>> perType = new LinkedHashMap<>();
    Evaluation eval = evaluated != null ? evaluated : evaluateWithin(model, test, budget.overall());
    if (eval != null) {
      for (Map.Entry<String, AttributeScore> e : eval.attributes().entrySet()) {
        attributes.put(e.getKey(), e.getValue().accuracy());
      }
      for (Map.Entry<String, TypeEvaluation> t : eval.perType().entrySet()) {
        Map<String, Double> accuracies = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeScore> e : t.getValue().attributes().entrySet()) {
          accuracies.put(e.getKey(), e.getValue().accuracy());
        }
        perType.put(t.getKey(), accuracies);
      }
    }
    LearnReport report = new LearnReport(proposer.name(), reports, stop, attributes, perType, elapsed(start),
        selection, merges);
    return new LearnResult(learned, model, report);
  }

  /**
   * The laws of the chosen round that make its model less likely on the held-out part it was chosen
   * by ({@link HeldOutPruning}), marked by index; throws {@link OutOfTime} at the deadline.
   */
  private boolean[] heldOutRemovals(Snapshot chosen, ModelOptions mo, List<Episode> validation, Deadline until) {
    WorldModel model = model(chosen.entries(), chosen.weights(), mo).withFloor(chosen.floor())
        .withChances(chosen.chances());
    FitData data = FitData.precompute(model, validation, TimeBudget.cancelling(until));
    return HeldOutPruning.removals(LawAblation.of(model, data));
  }

  /** The model's evaluation on {@code data}, or null when there is none or the deadline passes first. */
  private static Evaluation evaluateWithin(WorldModel model, List<Episode> data, Deadline deadline) {
    if (data.isEmpty()) {
      return null;
    }
    try {
      return Metrics.evaluate(model, data, TimeBudget.cancelling(deadline));
    } catch (OutOfTime e) {
      return null;
    }
  }

  /**
   * One run of the loop on {@code train}, ending by {@code until}; with {@code validation} not
   * empty, every round's model is scored on it and kept as a snapshot. {@code spent} is what
   * earlier runs used of the model budget. {@code refitScale} is how much more data the refit after
   * selection fits on (0 without one), for the budget's reserve.
   */
  private Run loop(List<Episode> train, DataShapes shapes, List<Episode> test, List<Episode> validation,
      List<String> initialLaws, ModelOptions mo, Deadline until, TimeBudget budget, double refitScale, String stage,
      Usage spent, LearnListener events) {
    boolean validating = !validation.isEmpty();
    List<Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> tried = new HashSet<>();
    List<LearnReport.Merge> merges = new ArrayList<>();
    double[] weights = new double[0];
    List<Double> written = new ArrayList<>();
    List<Prepared> startingLaws = workers.map(initialLaws, source -> prepare(source, names, List.of(), false));
    for (int k = 0; k < initialLaws.size(); k++) {
      String source = initialLaws.get(k);
      Prepared p = renamedIfTaken(startingLaws.get(k), names, List.of());
      Entry e = admit(0, p, names, tried, new HashSet<>(), events);
      if (e != null && e.name() != null) {
        entries.add(e);
        Double w = LawText.weight(source);
        written.add(w == null ? options.initialWeight() : w);
      }
    }
    List<IterationReport> reports = new ArrayList<>();
    List<Snapshot> snapshots = new ArrayList<>();
    RoundCosts costs = new RoundCosts(Episodes.transitions(train), Episodes.transitions(validation),
        Episodes.transitions(test), budget.costCorrection());
    weights = written.stream().mapToDouble(Double::doubleValue).toArray();
    WorldModel model = model(entries, weights, mo);
    double trainNll = Double.NaN;
    String stop = "iterations";
    long iterationStart = System.nanoTime();
    if (!entries.isEmpty()) {
      events.phase(0, "fitting");
      try {
        FitResult fit = fit(entries, weights, train, mo, budget.beforeReserve(), costs);
        merged(stage, mo.lambda(), 0, fit, merges, events);
        int pruned = removePruned(entries, fit, names, tried);
        weights = keptWeights(fit, entries);
        model = fittedModel(entries, weights, mo, fit);
        trainNll = fit.trainNll();
        IterationReport.TestMetrics v = validating ? metrics(Metrics.evaluate(model, validation,
            TimeBudget.cancelling(budget.beforeReserve()))) : null;
        if (v != null) {
          snapshots.add(new Snapshot(0, List.copyOf(entries), weights.clone(), model.floor(), model.chances(), v));
        }
        reports.add(report(0, 0, 0, 0, 0, 0, pruned, entries.size(), trainNll, model, test, Usage.NONE,
            iterationStart, stage, mo, v, until, costs));
      } catch (OutOfTime e) {
        // Not even the starting model could be fitted in time: it is returned at its written weights.
        return new Run(entries, weights, model, "time", reports, snapshots, spent, merges);
      }
      budget.reserve(costs.reserve(refitScale));
    }
    Usage used = spent;
    int emptyRounds = 0;
    double lastRound = 0;
    for (int it = 1; it <= options.maxIterations(); it++) {
      iterationStart = System.nanoTime();
      if (until.passed() || until.wouldPass(lastRound) || costs.testCut()) {
        // A round that would not end in time is not started.
        stop = "time";
        break;
      }
      if (proposer.callsModels() && used.calls() >= options.maxLlmCalls()) {
        stop = "llm-calls";
        break;
      }
      if (proposer.callsModels() && used.totalTokens() >= options.maxTokens()) {
        stop = "tokens";
        break;
      }
      int before = entries.size();
      List<Entry> saved = List.copyOf(entries);
      try {
        events.phase(it, "scoring");
        List<TransitionScore> scores = scores(entries, model, train, until);
        costs.scored(elapsed(iterationStart));
        trainNll = -scores.stream().mapToDouble(TransitionScore::logLikelihood).average().orElse(0);
        List<TransitionScore> worst = scores.stream().filter(s -> s.logLikelihood() < options.threshold())
            .sorted(Comparator.comparingDouble(TransitionScore::logLikelihood)).limit(options.surprisingPerIteration())
            .toList();
        int surprising = (int) scores.stream().filter(s -> s.logLikelihood() < options.threshold()).count();
        if (worst.isEmpty()) {
          stop = "explained";
          break;
        }
        List<Transition> prompting = new ArrayList<>();
        for (TransitionScore s : worst) {
          List<Frame> frames = s.episode().frames();
          prompting.add(new Transition(transitionIndex(train, s), frames.get(s.step()), frames.get(s.step() + 1)));
        }
        WorldModel current = model;
        // One inference per thread for the round: it keeps its buffers from one frame to the next,
        // and making them again for every frame cost more than the prediction.
        ThreadLocal<Inference> inference = ThreadLocal.withInitial(current::newInference);
        List<Frame> predicted = workers.map(prompting, t -> {
          if (until.passed()) {
            throw new OutOfTime();
          }
          return inference.get().mostLikelyNext(t.before(), t.after().action());
        });
        List<CurrentLaw> laws = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
          laws.add(new CurrentLaw(entries.get(k).name(), entries.get(k).source(), weights[k]));
        }
        ProposalRequest request = new ProposalRequest(schema, worldSource, laws, prompting,
            renderer.render(prompting.subList(0, Math.min(options.renderedPerIteration(), prompting.size()))),
            options.candidatesPerIteration(),
            new ProposalRequest.Budget(Math.max(0, options.maxLlmCalls() - used.calls()),
                Math.max(0, options.maxTokens() - used.totalTokens())),
            tried, predicted, shapes.headings(), proposingDeadline(until), shapes.directions(), shapes.timing(),
            shapes.actionDependence());
        events.phase(it, "proposing");
        Proposal proposal = propose(request);
        used = used.plus(proposal.usage());
        events.proposed(it, proposal);
        int rejected = 0;
        int duplicates = 0;
        int unchecked = 0;
        Set<String> activeKeys = new HashSet<>();
        for (Entry e : entries) {
          activeKeys.add(e.key());
        }
        entries.replaceAll(Entry::stale);
        events.phase(it, "checking");
        costs.startAdmitting(prompting.size());
        List<String> candidates = proposal.candidates();
        // Prepared a few at a time on all threads, decided on in order: a round cut short by the time
        // has prepared few candidates it does not check.
        int batch = workers.threads() == 1 ? 1 : 4 * workers.threads();
        checking:
        for (int from = 0; from < candidates.size(); from += batch) {
          List<String> part = candidates.subList(from, Math.min(candidates.size(), from + batch));
          List<Prepared> prepared = workers.map(part, candidate -> {
            String key = LawText.key(candidate);
            // Known already: a duplicate below whatever is admitted before it.
            return tried.contains(key) || activeKeys.contains(key) ? null : prepare(candidate, names, prompting, true);
          });
          for (int k = 0; k < part.size(); k++) {
            if (!costs.roomForAnother(until)) {
              // The candidates come best first: the ones left over are those a round in time cannot fit.
              unchecked = candidates.size() - rejected - duplicates - (entries.size() - before);
              break checking;
            }
            String key = LawText.key(part.get(k));
            if (tried.contains(key) || activeKeys.contains(key)) {
              duplicates++;
              continue;
            }
            Prepared p = renamedIfTaken(prepared.get(k), names, prompting);
            Entry e = admit(it, p, names, tried, activeKeys, events);
            if (e == null) {
              rejected++;
            } else if (e.name() == null) {
              duplicates++;
            } else {
              costs.admitted(p.checkSeconds());
              entries.add(e);
              activeKeys.add(e.key());
            }
          }
        }
        if (unchecked > 0) {
          events.proposed(it, new Proposal(List.of(), Usage.NONE, List.of(unchecked
              + " candidates left unchecked: a round with them would not end within the time budget")));
        }
        int added = entries.size() - before;
        if (added == 0) {
          // The model did not change: its test metrics are the previous round's.
          IterationReport previous = reports.isEmpty() ? null : reports.get(reports.size() - 1);
          IterationReport.TestMetrics unchanged = previous == null ? null : previous.test();
          IterationReport.TestMetrics unchangedValidation = previous == null ? null : previous.validation();
          if (validating && unchangedValidation == null) {
            unchangedValidation = metrics(Metrics.evaluate(model, validation, TimeBudget.cancelling(until)));
          }
          reports.add(new IterationReport(it, surprising, proposal.candidates().size(), rejected, duplicates, 0, 0,
              entries.size(), trainNll, unchanged == null ? testMetrics(model, test, until, costs) : unchanged,
              proposal.usage().calls(), proposal.usage().totalTokens(), elapsed(iterationStart), stage, mo.lambda(),
              unchangedValidation));
          events.iterationDone(reports.get(reports.size() - 1));
          lastRound = elapsed(iterationStart);
          if (unchecked > 0) {
            stop = "time";
            break;
          }
          // A model call can fail and succeed next time; an offline proposer would only repeat itself.
          if (++emptyRounds >= (proposer.callsModels() ? 2 : 1)) {
            stop = "no-new-candidates";
            break;
          }
          continue;
        }
        emptyRounds = 0;
        events.phase(it, "fitting");
        // Once candidates are admitted, the round may run on past the run's share, not into the reserve.
        Deadline hard = budget.beforeReserve();
        FitResult fit = fit(entries, initialWeights(entries, weights, before), train, mo, hard, costs);
        if (!fit.converged() && hard.passed()) {
          // Cut short, the new laws would stand at their starting weights (on a loaded machine,
          // before the first step): the round does not stand.
          throw new OutOfTime();
        }
        merged(stage, mo.lambda(), it, fit, merges, events);
        int pruned = removePruned(entries, fit, names, tried);
        double[] fittedWeights = keptWeights(fit, entries);
        WorldModel fitted = fittedModel(entries, fittedWeights, mo, fit);
        events.phase(it, "evaluating");
        IterationReport.TestMetrics v = validating
            ? metrics(Metrics.evaluate(fitted, validation, TimeBudget.cancelling(hard))) : null;
        // From here on the round's model stands, whatever the time.
        weights = fittedWeights;
        model = fitted;
        trainNll = fit.trainNll();
        if (v != null) {
          snapshots.add(new Snapshot(it, List.copyOf(entries), weights.clone(), fitted.floor(), fitted.chances(), v));
        }
        int accepted = (int) entries.stream().filter(Entry::fresh).count();
        reports.add(report(it, surprising, proposal.candidates().size(), rejected, duplicates, accepted,
            pruned, entries.size(), trainNll, model, test, proposal.usage(), iterationStart, stage, mo, v, until,
            costs));
        events.iterationDone(reports.get(reports.size() - 1));
        budget.reserve(costs.reserve(refitScale));
        lastRound = elapsed(iterationStart);
        if (unchecked > 0) {
          stop = "time";
          break;
        }
      } catch (OutOfTime e) {
        // The round ran out of time before its model stood: the previous round's model stays.
        entries.clear();
        entries.addAll(saved);
        stop = "time";
        break;
      }
    }
    budget.costCorrection(costs.correction());
    return new Run(entries, weights, model, stop, reports, snapshots, used, merges);
  }

  /**
   * Fills, names, compiles and runs one candidate on the transitions that prompted it, reading
   * {@code names} (the names in use) and nothing else of the model's state, so that candidates can
   * be prepared at the same time. A {@code proposed} candidate's run tells whether it is ever right
   * where it was asked to help.
   */
  private Prepared prepare(String candidate, Set<String> names, List<Transition> prompting, boolean proposed) {
    String key = LawText.key(candidate);
    String text = candidate.strip();
    LawCompiler.Compiled compiled = compileGuarded(text);
    if (!compiled.ok() && !compiled.holes().isEmpty()) {
      text = HoleFiller.fill(text, compiled.holes(), prompting, src -> compileGuarded(src).law());
      if (text == null) {
        return new Prepared(candidate, key, proposed, "no filling of its holes compiles", null, null, null, null, null,
            null, false, 0);
      }
      compiled = compileGuarded(text);
    }
    if (!compiled.ok()) {
      return new Prepared(candidate, key, proposed, null, null, null, text, null, compiled.diagnostics(), null, false,
          0);
    }
    String name = compiled.decl().name().text();
    String unique = unique(name, names);
    if (!unique.equals(name)) {
      // Renamed where the checker says the name stands.
      Span at = compiled.decl().name().span();
      text = text.substring(0, at.start()) + unique + text.substring(at.end());
      compiled = compileGuarded(text);
      if (!compiled.ok()) {
        return new Prepared(candidate, key, proposed, null, name, unique, text, null, compiled.diagnostics(), null,
            false, 0);
      }
    }
    String canonicalKey = LawText.key(compiled.canonical());
    long checkStart = System.nanoTime();
    boolean neverRight = proposed && OpinionCheck.count(compiled.law(), prompting)[0] == 0;
    return new Prepared(candidate, key, proposed, null, name, unique, text, compiled, null, canonicalKey, neverRight,
        elapsed(checkStart));
  }

  /** {@code p}, prepared again under a free name when a law admitted since took the one it was compiled under. */
  private Prepared renamedIfTaken(Prepared p, Set<String> names, List<Transition> prompting) {
    if (p.rejection() != null || p.name() == null || unique(p.name(), names).equals(p.unique())) {
      return p;
    }
    return prepare(p.candidate(), names, prompting, p.proposed());
  }

  /** {@code name}, or with the first suffix {@code _2}, {@code _3}, ... that is not among {@code names}. */
  private static String unique(String name, Set<String> names) {
    String unique = name;
    for (int k = 2; names.contains(unique); k++) {
      unique = name + "_" + k;
    }
    return unique;
  }

  /** The compiler's answer for one law text, once per text in a {@link #learn} call. */
  private LawCompiler.Compiled compile(String text) {
    LawCompiler.Compiled known = compilations.get(text);
    if (known != null) {
      return known;
    }
    LawCompiler.Compiled compiled = compiler.compile(text);
    LawCompiler.Compiled raced = compilations.putIfAbsent(text, compiled);
    return raced != null ? raced : compiled;
  }

  /**
   * Decides on one prepared candidate (prepared under the names now in use). Returns null when it is
   * rejected (and remembers it as tried), an entry with a null name when its canonical form is
   * already known, and the entry otherwise. A {@code proposed} candidate must be right somewhere on
   * the transitions that prompted it and is kept in canonical form; a law the user started from is
   * kept as written.
   */
  private Entry admit(int iteration, Prepared p, Set<String> names, Set<String> tried, Set<String> activeKeys,
      LearnListener events) {
    String key = p.key();
    if (p.rejection() != null) {
      tried.add(key);
      events.rejected(iteration, p.candidate(), p.rejection());
      return null;
    }
    if (p.compileFailure() != null) {
      tried.add(key);
      events.rejected(iteration, p.candidate(), p.compileFailure());
      return null;
    }
    String canonicalKey = p.canonicalKey();
    if (tried.contains(canonicalKey) || activeKeys.contains(canonicalKey)) {
      tried.add(key);
      return new Entry(null, p.text(), canonicalKey, null, false, 0);
    }
    if (p.neverRight()) {
      // Never right where it was asked to help: not worth a fit.
      tried.add(key);
      tried.add(canonicalKey);
      events.rejected(iteration, p.candidate(), "never right on the transitions that prompted it");
      return null;
    }
    names.add(p.unique());
    tried.add(key);
    LawCompiler.Compiled compiled = p.compiled();
    // A law the user wrote keeps its text, comments and all; a proposed one takes the canonical form.
    return new Entry(p.unique(), p.proposed() ? compiled.canonical() : p.text(), canonicalKey, compiled.law(), true,
        Narrowness.conditions(compiled.decl()));
  }

  /** The compiler's answer, a failure of the compiler itself reported as the law's rejection. */
  private LawCompiler.Compiled compileGuarded(String text) {
    try {
      return compile(text);
    } catch (RuntimeException e) {
      return LawCompiler.Compiled.failed("the compiler failed: " + e);
    }
  }

  /**
   * The proposer's answer. An offline proposer answers the same request the same way, so a request
   * made before (the same transitions, the same laws at the same weights, the same laws tried) gets
   * the earlier answer without mining again; a model-calling proposer is always asked.
   */
  private Proposal propose(ProposalRequest request) {
    if (proposer.callsModels()) {
      return proposer.propose(request);
    }
    StringBuilder key = new StringBuilder();
    for (Transition t : request.surprising()) {
      key.append(t.index()).append(',');
    }
    key.append('|');
    for (CurrentLaw law : request.currentLaws()) {
      key.append(LawText.key(law.source())).append('@').append(law.weight()).append(';');
    }
    key.append('|').append(new TreeSet<>(request.tried()));
    CompletableFuture<Proposal> mine = new CompletableFuture<>();
    CompletableFuture<Proposal> known = proposals.putIfAbsent(key.toString(), mine);
    if (known != null) {
      try {
        return known.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      Proposal proposal = proposer.propose(request, workers);
      mine.complete(proposal);
      return proposal;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /**
   * When the proposer should answer: half of the time the run has left, so that checking, fitting
   * and evaluating what it proposes still fit in the run.
   */
  private static Deadline proposingDeadline(Deadline until) {
    if (until.isNone()) {
      return until;
    }
    return until.within(Duration.ofNanos((long) (until.remainingSeconds() / 2 * 1e9)));
  }

  /** Adds what {@code fit} merged to {@code merges} and tells {@code events}. */
  private static void merged(String stage, double lambda, int iteration, FitResult fit,
      List<LearnReport.Merge> merges, LearnListener events) {
    for (Map.Entry<String, String> m : fit.merged().entrySet()) {
      merges.add(new LearnReport.Merge(stage, lambda, iteration, m.getKey(), m.getValue()));
    }
    events.merged(iteration, fit.merged());
  }

  /**
   * The weights a round's fit starts from: the kept laws at their fitted weights, and the new ones
   * at 0 once a fitted model exists (at the option's initial weight before). The objective is convex
   * in the weights, so this changes which optimum the fit reaches only among laws that say the same
   * on the data: starting at a weight, a newcomer identical on the training data to a kept law
   * (a key that stays "when a wall touches its left and another its top", next to "a key stays")
   * would push the smaller weight to 0 first, pruning the general law and keeping the narrow one
   * that a new level does not meet; starting at 0, it gains weight only where it adds something.
   */
  private double[] initialWeights(List<Entry> entries, double[] previous, int kept) {
    double[] w = new double[entries.size()];
    double fresh = kept > 0 ? 0 : options.initialWeight();
    for (int k = 0; k < w.length; k++) {
      w[k] = k < kept && k < previous.length ? previous[k] : fresh;
    }
    return w;
  }

  private FitResult fit(List<Entry> entries, double[] start, List<Episode> train, ModelOptions mo, Deadline until) {
    return fit(entries, start, train, mo, until, null);
  }

  /** Precomputes and fits by {@code until}; records what each took in {@code costs} when given. */
  private FitResult fit(List<Entry> entries, double[] start, List<Episode> train, ModelOptions mo, Deadline until,
      RoundCosts costs) {
    WorldModel m = model(entries, start, mo);
    long precomputeStart = System.nanoTime();
    FitData data = cluster == null ? null : cluster.precompute(sources(entries), m, train, until);
    if (data == null) {
      data = FitData.precompute(m, train, TimeBudget.cancelling(until));
    }
    long optimiseStart = System.nanoTime();
    FitResult fit = fitter(entries).fit(m, data, start, until);
    if (costs != null) {
      costs.fitted(elapsed(precomputeStart) - elapsed(optimiseStart), elapsed(optimiseStart));
    }
    return fit;
  }

  /** Every transition's score under {@code model} (of {@code entries}), on the cluster when there is one. */
  private List<TransitionScore> scores(List<Entry> entries, WorldModel model, List<Episode> train, Deadline until) {
    List<TransitionScore> scores = cluster == null ? null : cluster.score(sources(entries), model, train, until);
    return scores != null ? scores : TransitionScoring.score(model, train, workers, until);
  }

  private static List<String> sources(List<Entry> entries) {
    List<String> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      out.add(e.source());
    }
    return out;
  }

  /**
   * The model a fit leaves: the kept laws at their fitted weights, with the floor and the creation
   * probabilities the fit found.
   */
  private WorldModel fittedModel(List<Entry> entries, double[] weights, ModelOptions mo, FitResult fit) {
    return model(entries, weights, mo).withFloor(fit.floor()).withChances(fit.chances());
  }

  private WorldModel model(List<Entry> entries, double[] weights, ModelOptions mo) {
    List<Law> laws = new ArrayList<>();
    for (Entry e : entries) {
      laws.add(e.law());
    }
    return new WorldModel(schema, laws, weights, mo);
  }

  /** Removes the laws the fit pruned (remembering them as tried); returns how many. */
  private int removePruned(List<Entry> entries, FitResult fit, Set<String> names, Set<String> tried) {
    Set<String> pruned = new HashSet<>(fit.pruned());
    int before = entries.size();
    entries.removeIf(e -> {
      if (pruned.contains(e.name())) {
        names.remove(e.name());
        tried.add(e.key());
        return true;
      }
      return false;
    });
    return before - entries.size();
  }

  private static double[] keptWeights(FitResult fit, List<Entry> entries) {
    double[] w = new double[entries.size()];
    for (int k = 0; k < w.length; k++) {
      w[k] = fit.weightOf(entries.get(k).name());
    }
    return w;
  }

  private IterationReport report(int iteration, int surprising, int proposed, int rejected, int duplicates,
      int accepted, int pruned, int laws, double trainNll, WorldModel model, List<Episode> test, Usage usage,
      long startNanos, String stage, ModelOptions mo, IterationReport.TestMetrics validation, Deadline until,
      RoundCosts costs) {
    return new IterationReport(iteration, surprising, proposed, rejected, duplicates, accepted, pruned, laws,
        trainNll, testMetrics(model, test, until, costs), usage.calls(), usage.totalTokens(),
        (System.nanoTime() - startNanos) / 1e9, stage, mo.lambda(), validation);
  }

  /**
   * The round's metrics on the test data, which are only reported: when the deadline passes first,
   * none (and {@link RoundCosts#testCut()} ends the run).
   */
  private static IterationReport.TestMetrics testMetrics(WorldModel model, List<Episode> test, Deadline until,
      RoundCosts costs) {
    if (test.isEmpty()) {
      return null;
    }
    long start = System.nanoTime();
    Evaluation e = evaluateWithin(model, test, until);
    costs.tested(elapsed(start), e == null);
    return e == null ? null : metrics(e);
  }

  private static IterationReport.TestMetrics metrics(Evaluation e) {
    long correct = 0;
    long total = 0;
    for (AttributeScore s : e.attributes().values()) {
      correct += s.correct();
      total += s.total();
    }
    return new IterationReport.TestMetrics(e.transitions(), e.nllPerTransition(), e.exactFrameAccuracy(),
        total == 0 ? Double.NaN : (double) correct / total);
  }

  private static int transitionIndex(List<Episode> episodes, TransitionScore s) {
    int index = 0;
    for (Episode e : episodes) {
      if (e == s.episode()) {
        return index + s.step();
      }
      index += e.transitions();
    }
    return index + s.step();
  }

  private static double elapsed(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
