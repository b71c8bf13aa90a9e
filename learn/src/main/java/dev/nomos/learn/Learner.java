package dev.nomos.learn;

import dev.nomos.learn.internal.HoleFiller;
import dev.nomos.learn.internal.OpinionCheck;
import dev.nomos.learn.internal.RoundSelector;
import dev.nomos.learn.internal.ValidationSplit;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.fit.FitData;
import dev.nomos.runtime.fit.FitResult;
import dev.nomos.runtime.fit.Fitter;
import dev.nomos.runtime.model.AttributeScore;
import dev.nomos.runtime.model.Evaluation;
import dev.nomos.runtime.model.Metrics;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.TransitionScore;
import dev.nomos.runtime.model.TypeEvaluation;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.Episodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
  private final Fitter fitter = new Fitter();
  private final TransitionRenderer renderer = new TransitionRenderer();

  /** One law of the model being learned. */
  private record Entry(String name, String source, String key, Law law, boolean fresh) {}

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

  /** A model of one round, kept so that model selection can return to it. */
  private record Snapshot(int round, List<Entry> entries, double[] weights, IterationReport.TestMetrics validation) {}

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
    long start = System.nanoTime();
    ModelSelection selection = options.selection();
    ValidationSplit split = selection.enabled() ? ValidationSplit.of(train, selection.validationFraction()) : null;
    if (split == null || split.validation().isEmpty()) {
      Run run = loop(train, test, List.of(), initialLaws, modelOptions, options.maxTime().toMillis() / 1000.0,
          IterationReport.LOOP, Usage.NONE);
      return result(run.entries(), run.weights(), run.model(), run.reports(), run.stop(), test, start, null);
    }
    List<Double> lambdas = selection.lambdas().isEmpty() ? List.of(modelOptions.lambda()) : selection.lambdas();
    double secondsPerRun = options.maxTime().toMillis() / 1000.0 / lambdas.size();
    List<IterationReport> reports = new ArrayList<>();
    List<RoundSelector.Scored> scored = new ArrayList<>();
    List<Snapshot> snapshots = new ArrayList<>();
    List<ModelOptions> snapshotOptions = new ArrayList<>();
    List<String> stops = new ArrayList<>();
    // The model-call and token budget is for the whole learning, over all runs.
    Usage used = Usage.NONE;
    for (double lambda : lambdas) {
      ModelOptions runOptions = modelOptions.withLambda(lambda);
      Run run = loop(split.fit(), test, split.validation(), initialLaws, runOptions, secondsPerRun,
          IterationReport.SELECT, used);
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
      Run run = loop(train, test, List.of(), initialLaws, modelOptions, secondsPerRun, IterationReport.LOOP, used);
      reports.addAll(run.reports());
      return result(run.entries(), run.weights(), run.model(), reports, run.stop(), test, start, null);
    }
    int best = RoundSelector.best(scored);
    Snapshot chosen = snapshots.get(best);
    ModelOptions chosenOptions = snapshotOptions.get(best);
    long refitStart = System.nanoTime();
    listener.phase(chosen.round(), "refitting on all training data");
    List<Entry> entries = new ArrayList<>(chosen.entries());
    FitResult fit = fit(entries, chosen.weights(), train, chosenOptions);
    int pruned = removePruned(entries, fit, new HashSet<>(), new HashSet<>());
    double[] weights = keptWeights(fit, entries);
    WorldModel model = model(entries, weights, chosenOptions).withFloor(fit.floor());
    IterationReport refit = new IterationReport(chosen.round(), 0, 0, 0, 0, 0, pruned, entries.size(),
        fit.trainNll(), test.isEmpty() ? null : evaluate(model, test), 0, 0, elapsed(refitStart),
        IterationReport.REFIT, chosenOptions.lambda(), null);
    reports.add(refit);
    listener.iterationDone(refit);
    LearnReport.Selection outcome = new LearnReport.Selection(Episodes.transitions(split.fit()),
        Episodes.transitions(split.validation()), chosenOptions.lambda(), chosen.round(), chosen.entries().size(),
        chosen.validation(), snapshots.size());
    return result(entries, weights, model, reports, stops.get(lambdas.indexOf(chosenOptions.lambda())), test, start,
        outcome);
  }

  private LearnResult result(List<Entry> entries, double[] weights, WorldModel model, List<IterationReport> reports,
      String stop, List<Episode> test, long start, LearnReport.Selection selection) {
    List<LearnedLaw> learned = new ArrayList<>();
    for (int k = 0; k < entries.size(); k++) {
      learned.add(new LearnedLaw(entries.get(k).name(), entries.get(k).source(), weights[k]));
    }
    Map<String, Double> attributes = new LinkedHashMap<>();
    Map<String, Map<String, Double>> perType = new LinkedHashMap<>();
    if (!test.isEmpty()) {
      Evaluation eval = Metrics.evaluate(model, test);
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
        selection);
    return new LearnResult(learned, model, report);
  }

  /**
   * One run of the loop on {@code train}; with {@code validation} not empty, every round's model is
   * scored on it and kept as a snapshot. {@code spent} is what earlier runs used of the model
   * budget.
   */
  private Run loop(List<Episode> train, List<Episode> test, List<Episode> validation, List<String> initialLaws,
      ModelOptions mo, double maxSeconds, String stage, Usage spent) {
    long start = System.nanoTime();
    boolean validating = !validation.isEmpty();
    List<Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> tried = new HashSet<>();
    double[] weights = new double[0];
    for (String source : initialLaws) {
      Entry e = admit(0, source, names, tried, new HashSet<>(), List.of(), false);
      if (e != null) {
        entries.add(e);
      }
    }
    List<IterationReport> reports = new ArrayList<>();
    List<Snapshot> snapshots = new ArrayList<>();
    List<Heading> headings = Heading.infer(schema, train);
    WorldModel model;
    double trainNll;
    long iterationStart = System.nanoTime();
    if (!entries.isEmpty()) {
      listener.phase(0, "fitting");
      FitResult fit = fit(entries, initialWeights(entries, new double[0], 0), train, mo);
      int pruned = removePruned(entries, fit, names, tried);
      weights = keptWeights(fit, entries);
      model = model(entries, weights, mo);
      trainNll = fit.trainNll();
      IterationReport.TestMetrics v = validating ? evaluate(model, validation) : null;
      if (v != null) {
        snapshots.add(new Snapshot(0, List.copyOf(entries), weights.clone(), v));
      }
      reports.add(report(0, 0, 0, 0, 0, 0, pruned, entries.size(), trainNll, model, test, Usage.NONE, iterationStart,
          stage, mo, v));
    } else {
      model = model(entries, weights, mo);
      trainNll = Double.NaN;
    }
    Usage used = spent;
    String stop = "iterations";
    int emptyRounds = 0;
    for (int it = 1; it <= options.maxIterations(); it++) {
      iterationStart = System.nanoTime();
      if (elapsed(start) > maxSeconds) {
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
      listener.phase(it, "scoring");
      List<TransitionScore> scores = Metrics.scoreTransitions(model, train, ProgressListener.NONE);
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
          tried, predicted, headings);
      listener.phase(it, "proposing");
      Proposal proposal = proposer.propose(request);
      used = used.plus(proposal.usage());
      listener.proposed(it, proposal);
      int rejected = 0;
      int duplicates = 0;
      Set<String> activeKeys = new HashSet<>();
      for (Entry e : entries) {
        activeKeys.add(e.key());
      }
      for (int k = 0; k < entries.size(); k++) {
        entries.set(k, new Entry(entries.get(k).name(), entries.get(k).source(), entries.get(k).key(),
            entries.get(k).law(), false));
      }
      int before = entries.size();
      listener.phase(it, "checking");
      for (String candidate : proposal.candidates()) {
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
          entries.add(e);
          activeKeys.add(e.key());
        }
      }
      int added = entries.size() - before;
      if (added == 0) {
        // The model did not change: its test metrics are the previous round's.
        IterationReport previous = reports.isEmpty() ? null : reports.get(reports.size() - 1);
        IterationReport.TestMetrics unchanged = previous == null ? null : previous.test();
        IterationReport.TestMetrics unchangedValidation = previous == null ? null : previous.validation();
        if (validating && unchangedValidation == null) {
          unchangedValidation = evaluate(model, validation);
        }
        reports.add(new IterationReport(it, surprising, proposal.candidates().size(), rejected, duplicates, 0, 0,
            entries.size(), trainNll, unchanged == null && !test.isEmpty() ? evaluate(model, test) : unchanged,
            proposal.usage().calls(), proposal.usage().totalTokens(), elapsed(iterationStart), stage, mo.lambda(),
            unchangedValidation));
        listener.iterationDone(reports.get(reports.size() - 1));
        // A model call can fail and succeed next time; an offline proposer would only repeat itself.
        if (++emptyRounds >= (proposer.callsModels() ? 2 : 1)) {
          stop = "no-new-candidates";
          break;
        }
        continue;
      }
      emptyRounds = 0;
      listener.phase(it, "fitting");
      FitResult fit = fit(entries, initialWeights(entries, weights, before), train, mo);
      int pruned = removePruned(entries, fit, names, tried);
      weights = keptWeights(fit, entries);
      model = model(entries, weights, mo);
      trainNll = fit.trainNll();
      int accepted = (int) entries.stream().filter(Entry::fresh).count();
      listener.phase(it, "evaluating");
      IterationReport.TestMetrics v = validating ? evaluate(model, validation) : null;
      if (v != null) {
        snapshots.add(new Snapshot(it, List.copyOf(entries), weights.clone(), v));
      }
      reports.add(report(it, surprising, proposal.candidates().size(), rejected, duplicates, accepted,
          pruned, entries.size(), trainNll, model, test, proposal.usage(), iterationStart, stage, mo, v));
      listener.iterationDone(reports.get(reports.size() - 1));
    }
    return new Run(entries, weights, model, stop, reports, snapshots, used);
  }

  /**
   * Checks, fills, compiles and filters one candidate. Returns null when it is rejected (and
   * remembers it as tried), an entry with a null name when its canonical form is already known,
   * and the entry otherwise.
   */
  private Entry admit(int iteration, String candidate, Set<String> names, Set<String> tried, Set<String> activeKeys,
      List<Transition> prompting, boolean requireEvidence) {
    String key = LawText.key(candidate);
    String text = candidate.strip();
    if (HoleFiller.hasHoles(text)) {
      text = HoleFiller.fill(text, prompting, src -> compiler.compile(src).law());
      if (text == null) {
        tried.add(key);
        listener.rejected(iteration, candidate, "no filling of its holes compiles");
        return null;
      }
    }
    String name = LawText.name(text);
    if (name == null) {
      tried.add(key);
      listener.rejected(iteration, candidate, "not a law declaration");
      return null;
    }
    String unique = name;
    for (int k = 2; names.contains(unique); k++) {
      unique = name + "_" + k;
    }
    text = LawText.renamed(text, unique);
    LawCompiler.Compiled compiled;
    try {
      compiled = compiler.compile(text);
    } catch (RuntimeException e) {
      tried.add(key);
      listener.rejected(iteration, candidate, "the compiler failed: " + e);
      return null;
    }
    if (!compiled.ok()) {
      tried.add(key);
      listener.rejected(iteration, candidate, compiled.diagnostics());
      return null;
    }
    String canonicalKey = LawText.key(compiled.canonical());
    if (tried.contains(canonicalKey) || activeKeys.contains(canonicalKey)) {
      tried.add(key);
      return new Entry(null, text, canonicalKey, null, false);
    }
    if (requireEvidence && OpinionCheck.count(compiled.law(), prompting)[0] == 0) {
      // Never right where it was asked to help: not worth a fit.
      tried.add(key);
      tried.add(canonicalKey);
      listener.rejected(iteration, candidate, "never right on the transitions that prompted it");
      return null;
    }
    names.add(unique);
    tried.add(key);
    return new Entry(unique, compiled.canonical(), canonicalKey, compiled.law(), true);
  }

  private double[] initialWeights(List<Entry> entries, double[] previous, int kept) {
    double[] w = new double[entries.size()];
    for (int k = 0; k < w.length; k++) {
      w[k] = k < kept && k < previous.length ? previous[k] : options.initialWeight();
    }
    return w;
  }

  private FitResult fit(List<Entry> entries, double[] start, List<Episode> train, ModelOptions mo) {
    WorldModel m = model(entries, start, mo);
    FitData data = FitData.precompute(m, train, ProgressListener.NONE);
    return fitter.fit(m, data, start);
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
      long startNanos, String stage, ModelOptions mo, IterationReport.TestMetrics validation) {
    IterationReport.TestMetrics metrics = model != null && !test.isEmpty() ? evaluate(model, test) : null;
    return new IterationReport(iteration, surprising, proposed, rejected, duplicates, accepted, pruned, laws,
        trainNll, metrics, usage.calls(), usage.totalTokens(), (System.nanoTime() - startNanos) / 1e9, stage,
        mo.lambda(), validation);
  }

  private static IterationReport.TestMetrics evaluate(WorldModel model, List<Episode> test) {
    Evaluation e = Metrics.evaluate(model, test);
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
