package dev.nomos.learn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a learning run did, per iteration and in total: a readable table and a JSON document.
 *
 * @param proposer the proposer's name
 * @param iterations one report per round (index 0: the starting model)
 * @param stopReason why the loop stopped: explained, iterations, time, llm-calls, tokens, no-new-candidates
 * @param attributeAccuracy the final model's per-attribute accuracy on the test data (empty without it)
 * @param perTypeAccuracy the same per entity type
 * @param seconds total wall-clock time
 * @param selection the model chosen on held-out training data, or null when selection was off
 * @param merged every law a fit merged into another because their opinions were identical on the
 *     training data, in the order it happened
 */
public record LearnReport(String proposer, List<IterationReport> iterations, String stopReason,
    Map<String, Double> attributeAccuracy, Map<String, Map<String, Double>> perTypeAccuracy, double seconds,
    Selection selection, List<Merge> merged) {

  /**
   * A law dropped by a fit because another said exactly the same on the training data.
   *
   * @param stage the stage of the round ({@link IterationReport#stage()})
   * @param lambda the round's L1 penalty
   * @param iteration the round
   * @param law the law dropped
   * @param into the law kept in its place (the earlier one in the model)
   */
  public record Merge(String stage, double lambda, int iteration, String law, String into) {}

  /**
   * The model selection's outcome.
   *
   * @param fitTransitions training transitions the loop learned from
   * @param validationTransitions training transitions held out to choose the model
   * @param lambda the chosen L1 penalty
   * @param round the chosen round of the loop at that penalty
   * @param laws laws in the chosen model before the refit on all training data
   * @param validation the chosen model's metrics on the validation part
   * @param candidates models compared (rounds over all penalties)
   * @param prunedOnValidation laws of the chosen model removed because the validation part was more
   *     likely without them (before the refit)
   */
  public record Selection(long fitTransitions, long validationTransitions, double lambda, int round, int laws,
      IterationReport.TestMetrics validation, int candidates, int prunedOnValidation) {}

  public LearnReport {
    iterations = List.copyOf(iterations);
    merged = List.copyOf(merged);
    attributeAccuracy = Map.copyOf(attributeAccuracy);
    perTypeAccuracy = Map.copyOf(perTypeAccuracy);
  }

  /** A report without model selection. */
  public LearnReport(String proposer, List<IterationReport> iterations, String stopReason,
      Map<String, Double> attributeAccuracy, Map<String, Map<String, Double>> perTypeAccuracy, double seconds) {
    this(proposer, iterations, stopReason, attributeAccuracy, perTypeAccuracy, seconds, null, List.of());
  }

  /** A report without merged laws. */
  public LearnReport(String proposer, List<IterationReport> iterations, String stopReason,
      Map<String, Double> attributeAccuracy, Map<String, Map<String, Double>> perTypeAccuracy, double seconds,
      Selection selection) {
    this(proposer, iterations, stopReason, attributeAccuracy, perTypeAccuracy, seconds, selection, List.of());
  }

  public IterationReport last() {
    return iterations.get(iterations.size() - 1);
  }

  public long llmCalls() {
    return iterations.stream().mapToLong(IterationReport::llmCalls).sum();
  }

  public long tokens() {
    return iterations.stream().mapToLong(IterationReport::tokens).sum();
  }

  public static String tableHeader() {
    return String.format(Locale.ROOT, "%-6s %7s %4s %6s %8s %8s %5s %8s %6s %5s %10s %9s %9s %9s %9s %6s %8s %7s",
        "stage", "lambda", "iter", "surpr", "proposed", "rejected", "dups", "accepted", "pruned", "laws", "train NLL", "test NLL",
        "exact", "attr acc", "val acc", "calls", "tokens", "secs");
  }

  public static String tableRow(IterationReport r) {
    IterationReport.TestMetrics t = r.test();
    return String.format(Locale.ROOT, "%-6s %7s %4d %6d %8d %8d %5d %8d %6d %5d %10.4f %9s %9s %9s %9s %6d %8d %7.1f",
        r.stage(), Double.isNaN(r.lambda()) ? "-" : plain(r.lambda()), r.iteration(), r.surprising(), r.proposed(), r.rejected(), r.duplicates(), r.accepted(), r.pruned(), r.laws(),
        r.trainNll(), t == null ? "-" : fmt(t.nllPerTransition()), t == null ? "-" : fmt(t.exactFrameAccuracy()),
        t == null ? "-" : fmt(t.attributeAccuracy()),
        r.validation() == null ? "-" : fmt(r.validation().attributeAccuracy()), r.llmCalls(), r.tokens(), r.seconds());
  }

  private static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }

  /** The per-iteration table, then the totals. */
  public String toTable() {
    StringBuilder sb = new StringBuilder(tableHeader()).append('\n');
    for (IterationReport r : iterations) {
      sb.append(tableRow(r)).append('\n');
    }
    if (selection != null) {
      sb.append(selectionLine()).append('\n');
    }
    sb.append(String.format(Locale.ROOT, "stopped: %s after %.1f s; proposer %s; %d LLM calls, %d tokens%n",
        stopReason, seconds, proposer, llmCalls(), tokens()));
    return sb.toString();
  }

  /** One line saying which model was chosen and why, or an empty string without selection. */
  public String selectionLine() {
    if (selection == null) {
      return "";
    }
    IterationReport.TestMetrics v = selection.validation();
    return String.format(Locale.ROOT,
        "selected: round %d at lambda %s of %d models (%d laws), by validation NLL %s (attr acc %s) on %d held-out"
            + " training transitions; %d laws pruned there; refitted on all %d",
        selection.round(), plain(selection.lambda()), selection.candidates(), selection.laws(), fmt(v.nllPerTransition()),
        fmt(v.attributeAccuracy()), selection.validationTransitions(), selection.prunedOnValidation(),
        selection.fitTransitions() + selection.validationTransitions());
  }

  public String toJson() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("proposer", proposer);
    root.put("stop_reason", stopReason);
    root.put("seconds", seconds);
    root.put("llm_calls", llmCalls());
    root.put("tokens", tokens());
    if (selection != null) {
      ObjectNode sel = root.putObject("selection");
      sel.put("fit_transitions", selection.fitTransitions());
      sel.put("validation_transitions", selection.validationTransitions());
      putNumber(sel, "lambda", selection.lambda());
      sel.put("round", selection.round());
      sel.put("laws", selection.laws());
      sel.put("candidates", selection.candidates());
      sel.put("pruned_on_validation", selection.prunedOnValidation());
      putMetrics(sel.putObject("validation"), selection.validation());
    }
    ArrayNode its = root.putArray("iterations");
    for (IterationReport r : iterations) {
      ObjectNode n = its.addObject();
      n.put("stage", r.stage());
      putNumber(n, "lambda", r.lambda());
      n.put("iteration", r.iteration());
      n.put("surprising", r.surprising());
      n.put("proposed", r.proposed());
      n.put("rejected", r.rejected());
      n.put("duplicates", r.duplicates());
      n.put("accepted", r.accepted());
      n.put("pruned", r.pruned());
      n.put("laws", r.laws());
      putNumber(n, "train_nll", r.trainNll());
      if (r.test() != null) {
        putMetrics(n.putObject("test"), r.test());
      }
      if (r.validation() != null) {
        putMetrics(n.putObject("validation"), r.validation());
      }
      n.put("llm_calls", r.llmCalls());
      n.put("tokens", r.tokens());
      n.put("seconds", r.seconds());
    }
    ArrayNode merges = root.putArray("merged");
    for (Merge m : merged) {
      ObjectNode n = merges.addObject();
      n.put("stage", m.stage());
      putNumber(n, "lambda", m.lambda());
      n.put("iteration", m.iteration());
      n.put("law", m.law());
      n.put("into", m.into());
    }
    ObjectNode attrs = root.putObject("final_attribute_accuracy");
    for (Map.Entry<String, Double> e : new TreeMap<>(attributeAccuracy).entrySet()) {
      putNumber(attrs, e.getKey(), e.getValue());
    }
    ObjectNode types = root.putObject("final_per_type_accuracy");
    for (Map.Entry<String, Map<String, Double>> t : new TreeMap<>(perTypeAccuracy).entrySet()) {
      ObjectNode n = types.putObject(t.getKey());
      for (Map.Entry<String, Double> e : new TreeMap<>(t.getValue()).entrySet()) {
        putNumber(n, e.getKey(), e.getValue());
      }
    }
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void putMetrics(ObjectNode t, IterationReport.TestMetrics m) {
    t.put("transitions", m.transitions());
    putNumber(t, "nll_per_transition", m.nllPerTransition());
    putNumber(t, "exact_frame_accuracy", m.exactFrameAccuracy());
    putNumber(t, "attribute_accuracy", m.attributeAccuracy());
  }

  private static void putNumber(ObjectNode n, String field, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      n.putNull(field);
    } else {
      n.put(field, v);
    }
  }
}
