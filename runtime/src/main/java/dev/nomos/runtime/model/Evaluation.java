package dev.nomos.runtime.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metrics of a model on held-out trajectories (see {@link Metrics}). {@link #toJson()} writes the
 * fields {@code transitions}, {@code nll_per_transition}, {@code exact_frame_accuracy},
 * {@code attribute_accuracy} (name to accuracy, only attributes with cases), {@code attribute_counts},
 * {@code per_type} (the same per entity type), {@code law_firings}, and {@code reward} and
 * {@code end} ({@link OutcomeEvaluation}).
 */
public record Evaluation(long transitions, double nllPerTransition, double exactFrameAccuracy,
    Map<String, AttributeScore> attributes, Map<String, TypeEvaluation> perType, Map<String, Long> lawFirings,
    OutcomeEvaluation outcomes) {

  public Evaluation {
    attributes = Map.copyOf(attributes);
    perType = Map.copyOf(perType);
    lawFirings = Map.copyOf(lawFirings);
  }

  /** The metrics as a JSON object (keys sorted, indented). */
  public String toJson() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
      g.writeStartObject();
      g.writeNumberField("transitions", transitions);
      writeNumber(g, "nll_per_transition", nllPerTransition);
      writeNumber(g, "exact_frame_accuracy", exactFrameAccuracy);
      writeAttributes(g, attributes);
      outcomes.writeJson(g);
      g.writeObjectFieldStart("per_type");
      for (Map.Entry<String, TypeEvaluation> e : new TreeMap<>(perType).entrySet()) {
        TypeEvaluation t = e.getValue();
        g.writeObjectFieldStart(e.getKey());
        writeNumber(g, "nll_per_transition", t.nllPerTransition());
        writeNumber(g, "exact_frame_accuracy", t.exactFrameAccuracy());
        g.writeNumberField("transitions_with_type", t.transitionsWithType());
        writeAttributes(g, t.attributes());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeObjectFieldStart("law_firings");
      for (Map.Entry<String, Long> e : new TreeMap<>(lawFirings).entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeAttributes(JsonGenerator g, Map<String, AttributeScore> scores) throws IOException {
    Map<String, AttributeScore> sorted = new TreeMap<>(scores);
    g.writeObjectFieldStart("attribute_accuracy");
    for (Map.Entry<String, AttributeScore> e : sorted.entrySet()) {
      if (e.getValue().total() > 0) {
        g.writeNumberField(e.getKey(), e.getValue().accuracy());
      }
    }
    g.writeEndObject();
    g.writeObjectFieldStart("attribute_counts");
    for (Map.Entry<String, AttributeScore> e : sorted.entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue().total());
    }
    g.writeEndObject();
  }

  private static void writeNumber(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumberField(name, v);
    } else {
      g.writeNullField(name);
    }
  }
}
