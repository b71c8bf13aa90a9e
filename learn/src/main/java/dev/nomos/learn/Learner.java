package dev.nomos.learn;

import dev.nomos.compiler.source.Span;
import dev.nomos.learn.internal.HoleFiller;
import dev.nomos.learn.internal.Narrowness;
import dev.nomos.learn.internal.OpinionCheck;
import dev.nomos.learn.internal.RoundCosts;
import dev.nomos.learn.internal.RoundSelector;
import dev.nomos.learn.internal.TimeBudget;
import dev.nomos.learn.internal.TimeBudget.OutOfTime;
import dev.nomos.learn.internal.ValidationSplit;
import dev.nomos.runtime.Deadline;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.fit.FitData;
import dev.nomos.runtime.fit.FitResult;
import dev.nomos.runtime.fit.Fitter;
import dev.nomos.runtime.model.AttributeScore;
import dev.nomos.runtime.model.Evaluation;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.Metrics;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.TransitionScore;
import dev.nomos.runtime.model.TypeEvaluation;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.Episodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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
  private final Fitter fitter;
  /** How many conditions each law admitted states ({@link Narrowness}): a merge keeps the law stating fewest. */
  private final Map<String, Integer> conditions = new HashMap<>();
  private final TransitionRenderer renderer = new TransitionRenderer();
  /** How long the last admitted candidate took to run on the transitions that prompted it. */
  private double lastCheckSeconds;
  /**
   * Proposals of an offline proposer by what it was asked, so that the runs of model selection,
   * which start from the same model on the same data, mine their first rounds once.
   */
  private final Map<String, Proposal> proposals = new HashMap<>();
  /** The merges of the current {@link #learn} call, for its report. */
  private final List<LearnReport.Merge> merges = new ArrayList<>();

  /** One law of the model being learned. */
  private record Entry(String name, String source, String key, Law law, boolean fresh) {}

  /**
   * What a run's training data shows beyond its transitions, read once per training set (each run of
   * the selection grid shares one): headings, actions that name directions, and clocks, read off all
   * of it since a round's worst transitions may show too few of the events that time them (a
   * sword's end costs little next to the monsters' moves).
   */
  private record DataShapes(List<Heading> headings, ActionDirections directions, Timing timing) {
    static DataShapes of(WorldSchema schema, List<Episode> train, List<Heading> headings) {
      return new DataShapes(headings, ActionDirections.infer(schema, train), Timing.infer(schema, train));
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
    this.fitter = options.mergeIdentical()
        ? new Fitter().mergingIdenticalLaws(name -> conditions.getOrDefault(name, 0)) : new Fitter();
  }

  /** A model of one round (its laws, weights and the floor its fit found), kept so that model selection can return to it. */
  private record Snapshot(int round, List<Entry> entries, double[] weights, Floor floor,
      IterationReport.TestMetrics validation) {}

  /** What one run of the loop ended with. */
  private record Run(List<Entry> entries, double[] weights, WorldModel model, String stop,
      List<IterationReport> reports, List<Snapshot> snapshots, Usage used) {}

  /**
   * Learns laws from {@code train}, reporting held-out metrics on {@code test} (may be empty).
   * With {@link LearnOptions#selection()} on, the test data is only reported, never used to choose:
   * the loop runs on the training data less a validation part, once per L1 penalty, the round and
   * penalty that predict the validation part best are chosen, and the chosen laws' weights are
   * refitted on all the training data.
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
    initialLaws = starting;
    merges.clear();
    proposals.clear();
    TimeBudget budget = new TimeBudget(deadline);
    ModelSelection selection = options.selection();
    ValidationSplit split = selection.enabled() ? ValidationSplit.of(train, selection.validationFraction()) : null;
    if (split == null || split.validation().isEmpty()) {
      Run run = loop(train, DataShapes.of(schema, train, headings), test, List.of(), initialLaws, modelOptions,
          budget.nextRun(1), budget, 0, IterationReport.LOOP, Usage.NONE);
      return result(run.entries(), run.weights(), run.model(), run.reports(), run.stop(), test, start, null, budget,
          null);
    }
    List<Double> lambdas = selection.lambdas().isEmpty() ? List.of(modelOptions.lambda()) : selection.lambdas();
    double refitScale = (double) Episodes.transitions(train) / Math.max(1, Episodes.transitions(split.fit()));
    List<IterationReport> reports = new ArrayList<>();
    List<RoundSelector.Scored> scored = new ArrayList<>();
    List<Snapshot> snapshots = new ArrayList<>();
    List<ModelOptions> snapshotOptions = new ArrayList<>();
    List<String> stops = new ArrayList<>();
    // The model-call and token budget is for the whole learning, over all runs.
    Usage used = Usage.NONE;
    DataShapes fitShapes = DataShapes.of(schema, split.fit(), Heading.infer(schema, split.fit()));
    for (int k = 0; k < lambdas.size(); k++) {
      double lambda = lambdas.get(k);
      ModelOptions runOptions = modelOptions.withLambda(lambda);
      Run run = loop(split.fit(), fitShapes, test, split.validation(), initialLaws, runOptions,
          budget.nextRun(lambdas.size() - k), budget, refitScale, IterationReport.SELECT, used);
      used = run.used();
      reports.addAll(run.reports());
      stops.add(run.stop());
      for (Snapshot snap : run.snapshots()) {
        snapshots.add(snap);
        snapshotOptions.add(runOptions);
        scored.add(new RoundSelector.Scored(lambda, snap.round(), snap.entries().size(),
            snap.validation().attributeAccuracy(), snap.validation().nllPerTransition()));
      }
    }
    if (snapshots.isEmpty()) {
      // No run produced a model to compare: learn on everything as without selection.
      Run run = loop(train, DataShapes.of(schema, train, headings), test, List.of(), initialLaws, modelOptions,
          budget.nextRun(1), budget, 0, IterationReport.LOOP, used);
      reports.addAll(run.reports());
      return result(run.entries(), run.weights(), run.model(), reports, run.stop(), test, start, null, budget, null);
    }
    int best = RoundSelector.best(scored);
    Snapshot chosen = snapshots.get(best);
    ModelOptions chosenOptions = snapshotOptions.get(best);
    long refitStart = System.nanoTime();
    listener.phase(chosen.round(), "refitting on all training data");
    List<Entry> entries = new ArrayList<>(chosen.entries());
    double[] weights;
    WorldModel model;
    int pruned = 0;
    double trainNll;
    String stop = stops.get(lambdas.indexOf(chosenOptions.lambda()));
    try {
      FitResult fit = fit(entries, chosen.weights(), train, chosenOptions, budget.overall());
      merged(IterationReport.REFIT, chosenOptions.lambda(), chosen.round(), fit);
      pruned = removePruned(entries, fit, new HashSet<>(), new HashSet<>());
      weights = keptWeights(fit, entries);
      model = fittedModel(entries, weights, chosenOptions, fit);
      trainNll = fit.trainNll();
    } catch (OutOfTime e) {
      // No time to refit on everything: the chosen model as it was fitted on the part learned from.
      weights = chosen.weights().clone();
      model = model(entries, weights, chosenOptions).withFloor(chosen.floor());
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
        chosen.validation(), snapshots.size());
    return result(entries, weights, model, reports, stop, test, start, outcome, budget, finalEvaluation);
  }

  /**
   * The learned model and its report. {@code evaluated} is the model's evaluation on {@code test}
   * when it was made already; otherwise it is made here, unless the deadline passes first (the
   * test data is only reported, so the model is returned without it).
   */
  private LearnResult result(List<Entry> entries, double[] weights, WorldModel model, List<IterationReport> reports,
      String stop, List<Episode> test, long start, LearnReport.Selection selection, TimeBudget budget,
      Evaluation evaluated) {
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
      List<String> initialLaws,
      ModelOptions mo, Deadline until, TimeBudget budget, double refitScale, String stage, Usage spent) {
    boolean validating = !validation.isEmpty();
    List<Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> tried = new HashSet<>();
    double[] weights = new double[0];
    List<Double> written = new ArrayList<>();
    for (String source : initialLaws) {
      Entry e = admit(0, source, names, tried, new HashSet<>(), List.of(), false);
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
      listener.phase(0, "fitting");
      try {
        FitResult fit = fit(entries, weights, train, mo, budget.beforeReserve(), costs);
        merged(stage, mo.lambda(), 0, fit);
        int pruned = removePruned(entries, fit, names, tried);
        weights = keptWeights(fit, entries);
        model = fittedModel(entries, weights, mo, fit);
        trainNll = fit.trainNll();
        IterationReport.TestMetrics v = validating ? metrics(Metrics.evaluate(model, validation,
            TimeBudget.cancelling(budget.beforeReserve()))) : null;
        if (v != null) {
          snapshots.add(new Snapshot(0, List.copyOf(entries), weights.clone(), model.floor(), v));
        }
        reports.add(report(0, 0, 0, 0, 0, 0, pruned, entries.size(), trainNll, model, test, Usage.NONE,
            iterationStart, stage, mo, v, until, costs));
      } catch (OutOfTime e) {
        // Not even the starting model could be fitted in time: it is returned at its written weights.
        return new Run(entries, weights, model, "time", reports, snapshots, spent);
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
        listener.phase(it, "scoring");
        List<TransitionScore> scores = Metrics.scoreTransitions(model, train, TimeBudget.cancelling(until));
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
        List<Frame> predicted = new ArrayList<>();
        for (TransitionScore s : worst) {
          if (until.passed()) {
            throw new OutOfTime();
          }
          List<Frame> frames = s.episode().frames();
          Transition t = new Transition(transitionIndex(train, s), frames.get(s.step()), frames.get(s.step() + 1));
          prompting.add(t);
          predicted.add(model.mostLikelyNext(t.before(), t.after().action()));
        }
        List<CurrentLaw> current = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
          current.add(new CurrentLaw(entries.get(k).name(), entries.get(k).source(), weights[k]));
        }
        ProposalRequest request = new ProposalRequest(schema, worldSource, current, prompting,
            renderer.render(prompting.subList(0, Math.min(options.renderedPerIteration(), prompting.size()))),
            options.candidatesPerIteration(),
            new ProposalRequest.Budget(Math.max(0, options.maxLlmCalls() - used.calls()),
                Math.max(0, options.maxTokens() - used.totalTokens())),
            tried, predicted, shapes.headings(), proposingDeadline(until), shapes.directions(), shapes.timing());
        listener.phase(it, "proposing");
        Proposal proposal = propose(request);
        used = used.plus(proposal.usage());
        listener.proposed(it, proposal);
        int rejected = 0;
        int duplicates = 0;
        int unchecked = 0;
        Set<String> activeKeys = new HashSet<>();
        for (Entry e : entries) {
          activeKeys.add(e.key());
        }
        for (int k = 0; k < entries.size(); k++) {
          entries.set(k, new Entry(entries.get(k).name(), entries.get(k).source(), entries.get(k).key(),
              entries.get(k).law(), false));
        }
        listener.phase(it, "checking");
        costs.startAdmitting(prompting.size());
        for (String candidate : proposal.candidates()) {
          if (!costs.roomForAnother(until)) {
            // The candidates come best first: the ones left over are those a round in time cannot fit.
            unchecked = proposal.candidates().size() - rejected - duplicates - (entries.size() - before);
            break;
          }
          String key = LawText.key(candidate);
          if (tried.contains(key) || activeKeys.contains(key)) {
            duplicates++;
            continue;
          }
          Entry e = admit(it, candidate, names, tried, activeKeys, prompting, true);
          if (e == null) {
            rejected++;
          } else if (e.name() == null) {
            duplicates++;
          } else {
            costs.admitted(lastCheckSeconds);
            entries.add(e);
            activeKeys.add(e.key());
          }
        }
        if (unchecked > 0) {
          listener.proposed(it, new Proposal(List.of(), Usage.NONE, List.of(unchecked
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
          listener.iterationDone(reports.get(reports.size() - 1));
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
        listener.phase(it, "fitting");
        // Once candidates are admitted, the round may run on past the run's share, not into the reserve.
        Deadline hard = budget.beforeReserve();
        FitResult fit = fit(entries, initialWeights(entries, weights, before), train, mo, hard, costs);
        if (!fit.converged() && hard.passed()) {
          // Cut short, the new laws would stand at their starting weights (on a loaded machine,
          // before the first step): the round does not stand.
          throw new OutOfTime();
        }
        merged(stage, mo.lambda(), it, fit);
        int pruned = removePruned(entries, fit, names, tried);
        double[] fittedWeights = keptWeights(fit, entries);
        WorldModel fitted = fittedModel(entries, fittedWeights, mo, fit);
        listener.phase(it, "evaluating");
        IterationReport.TestMetrics v = validating
            ? metrics(Metrics.evaluate(fitted, validation, TimeBudget.cancelling(hard))) : null;
        // From here on the round's model stands, whatever the time.
        weights = fittedWeights;
        model = fitted;
        trainNll = fit.trainNll();
        if (v != null) {
          snapshots.add(new Snapshot(it, List.copyOf(entries), weights.clone(), fitted.floor(), v));
        }
        int accepted = (int) entries.stream().filter(Entry::fresh).count();
        reports.add(report(it, surprising, proposal.candidates().size(), rejected, duplicates, accepted,
            pruned, entries.size(), trainNll, model, test, proposal.usage(), iterationStart, stage, mo, v, until,
            costs));
        listener.iterationDone(reports.get(reports.size() - 1));
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
    return new Run(entries, weights, model, stop, reports, snapshots, used);
  }

  /**
   * Checks, fills, compiles and filters one candidate. Returns null when it is rejected (and
   * remembers it as tried), an entry with a null name when its canonical form is already known,
   * and the entry otherwise. A {@code proposed} candidate must be right somewhere on the
   * transitions that prompted it and is kept in canonical form; a law the user started from is
   * kept as written.
   */
  private Entry admit(int iteration, String candidate, Set<String> names, Set<String> tried, Set<String> activeKeys,
      List<Transition> prompting, boolean proposed) {
    String key = LawText.key(candidate);
    String text = candidate.strip();
    LawCompiler.Compiled compiled = compileGuarded(text);
    if (!compiled.ok() && !compiled.holes().isEmpty()) {
      text = HoleFiller.fill(text, compiled.holes(), prompting, src -> compileGuarded(src).law());
      if (text == null) {
        tried.add(key);
        listener.rejected(iteration, candidate, "no filling of its holes compiles");
        return null;
      }
      compiled = compileGuarded(text);
    }
    if (!compiled.ok()) {
      tried.add(key);
      listener.rejected(iteration, candidate, compiled.diagnostics());
      return null;
    }
    String name = compiled.decl().name().text();
    String unique = name;
    for (int k = 2; names.contains(unique); k++) {
      unique = name + "_" + k;
    }
    if (!unique.equals(name)) {
      // Renamed where the checker says the name stands.
      Span at = compiled.decl().name().span();
      text = text.substring(0, at.start()) + unique + text.substring(at.end());
      compiled = compileGuarded(text);
      if (!compiled.ok()) {
        tried.add(key);
        listener.rejected(iteration, candidate, compiled.diagnostics());
        return null;
      }
    }
    String canonicalKey = LawText.key(compiled.canonical());
    if (tried.contains(canonicalKey) || activeKeys.contains(canonicalKey)) {
      tried.add(key);
      return new Entry(null, text, canonicalKey, null, false);
    }
    long checkStart = System.nanoTime();
    boolean neverRight = proposed && OpinionCheck.count(compiled.law(), prompting)[0] == 0;
    lastCheckSeconds = elapsed(checkStart);
    if (neverRight) {
      // Never right where it was asked to help: not worth a fit.
      tried.add(key);
      tried.add(canonicalKey);
      listener.rejected(iteration, candidate, "never right on the transitions that prompted it");
      return null;
    }
    names.add(unique);
    tried.add(key);
    // A law the user wrote keeps its text, comments and all; a proposed one takes the canonical form.
    conditions.put(unique, Narrowness.conditions(compiled.decl()));
    return new Entry(unique, proposed ? compiled.canonical() : text, canonicalKey, compiled.law(), true);
  }

  /** The compiler's answer, a failure of the compiler itself reported as the law's rejection. */
  private LawCompiler.Compiled compileGuarded(String text) {
    try {
      return compiler.compile(text);
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
    return proposals.computeIfAbsent(key.toString(), k -> proposer.propose(request));
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

  private void merged(String stage, double lambda, int iteration, FitResult fit) {
    for (Map.Entry<String, String> m : fit.merged().entrySet()) {
      merges.add(new LearnReport.Merge(stage, lambda, iteration, m.getKey(), m.getValue()));
    }
    listener.merged(iteration, fit.merged());
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
    FitData data = FitData.precompute(m, train, TimeBudget.cancelling(until));
    long optimiseStart = System.nanoTime();
    FitResult fit = fitter.fit(m, data, start, until);
    if (costs != null) {
      costs.fitted(elapsed(precomputeStart) - elapsed(optimiseStart), elapsed(optimiseStart));
    }
    return fit;
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
