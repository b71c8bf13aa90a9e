package dev.nomos.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nomos.runtime.model.AttributeScore;
import dev.nomos.runtime.model.HorizonEvaluation;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Prints the compounding-error curve of {@code nomos eval --horizon}. */
final class HorizonReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private HorizonReport() {}

  static void printText(PrintWriter out, HorizonEvaluation curve) {
    long starts = curve.horizons().get(0).cases() / Math.max(1, curve.samples());
    out.printf("rollouts under the recorded actions from each of %d steps (%s):%n", starts,
        curve.samples() == 0 ? "the most likely step" : curve.samples() + " sampled rollouts each");
    TreeSet<String> names = new TreeSet<>();
    curve.horizons().forEach(h -> names.addAll(h.attributes().keySet()));
    StringBuilder head = new StringBuilder(String.format("%7s  %7s  %11s  %10s", "horizon", "cases", "exact frame", "attributes"));
    for (String n : names) {
      head.append(String.format("  %8s", n));
    }
    head.append(String.format("  %10s  %10s", "reward", "reward MAE"));
    out.println(head);
    for (HorizonEvaluation.Horizon h : curve.horizons()) {
      StringBuilder row = new StringBuilder(String.format("%7d  %7d  %11s  %10s", h.steps(), h.cases(),
          percent(h.exactFrameAccuracy()), percent(h.attributeAccuracy())));
      for (String n : names) {
        AttributeScore s = h.attributes().get(n);
        row.append(String.format("  %8s", s == null ? "-" : percent(s.accuracy())));
      }
      row.append(String.format("  %10s  %10s", percent(h.rewardAccuracy()),
          Double.isNaN(h.rewardMeanAbsoluteError()) ? "-" : String.format("%.4f", h.rewardMeanAbsoluteError())));
      out.println(row);
    }
  }

  /** The evaluation's JSON with a {@code horizon} field added: {@code samples} and one entry per horizon. */
  static String withCurve(String evaluationJson, HorizonEvaluation curve) {
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(evaluationJson);
      ObjectNode h = root.putObject("horizon");
      h.put("samples", curve.samples());
      ArrayNode steps = h.putArray("steps");
      for (HorizonEvaluation.Horizon s : curve.horizons()) {
        ObjectNode n = steps.addObject();
        n.put("steps", s.steps());
        n.put("cases", s.cases());
        number(n, "exact_frame_accuracy", s.exactFrameAccuracy());
        number(n, "attribute_accuracy_overall", s.attributeAccuracy());
        ObjectNode a = n.putObject("attribute_accuracy");
        for (Map.Entry<String, AttributeScore> e : new TreeMap<>(s.attributes()).entrySet()) {
          number(a, e.getKey(), e.getValue().accuracy());
        }
        number(n, "reward_accuracy", s.rewardAccuracy());
        number(n, "reward_mean_absolute_error", s.rewardMeanAbsoluteError());
      }
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void number(ObjectNode n, String name, double v) {
    if (Double.isFinite(v)) {
      n.put(name, v);
    } else {
      n.putNull(name);
    }
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? "-" : String.format("%.1f%%", 100 * v);
  }
}
