package dev.nomos.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rounds of a learning run as {@code nomos learn --report} writes them: per round its stage
 * ({@code select} while the penalties of the selection grid are tried, {@code refit} for the chosen
 * model fitted again on all training data, {@code learn} without selection), penalty, law count and
 * metrics. Reading checks every field it uses and names the first one that is missing or wrong.
 */
record LearningCurves(String source, List<Round> rounds) {

  /** One round; a metric the run did not measure (no test data, no held-out part) is NaN. */
  record Round(String stage, double lambda, int round, int laws, double trainNll, double heldOutNll,
      double testNll, double heldOutAccuracy, double testAccuracy) {}

  LearningCurves {
    rounds = List.copyOf(rounds);
  }

  static LearningCurves read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new UserFacingException(file + ": no such file");
    } catch (IOException e) {
      throw new UserFacingException("cannot read " + file + ": " + ModelInput.reason(e, file));
    }
    return parse(text, file.toString());
  }

  /** The rounds of a report's JSON text; {@code source} names it in messages. */
  static LearningCurves parse(String text, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      var where = e.getLocation();
      throw new UserFacingException(source + (where == null ? "" : ":" + where.getLineNr() + ":" + where.getColumnNr())
          + ": not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new UserFacingException(source + ": expected the JSON object `nomos learn --report` writes");
    }
    JsonNode iterations = root.get("iterations");
    if (iterations == null || !iterations.isArray()) {
      throw new UserFacingException(source + ": field 'iterations': expected an array of rounds"
          + " (is this a `nomos learn --report` file?)");
    }
    if (iterations.isEmpty()) {
      throw new UserFacingException(source + ": field 'iterations': the run has no rounds to plot");
    }
    List<Round> rounds = new ArrayList<>();
    for (int k = 0; k < iterations.size(); k++) {
      JsonNode r = iterations.get(k);
      String at = "iterations[" + k + "]";
      if (!r.isObject()) {
        throw new UserFacingException(source + ": field '" + at + "': expected an object");
      }
      JsonNode stage = r.get("stage");
      if (stage == null || !stage.isTextual()) {
        throw new UserFacingException(source + ": field '" + at + ".stage': expected a string");
      }
      rounds.add(new Round(stage.asText(), number(r, at, "lambda", source, true), whole(r, at, "iteration", source),
          whole(r, at, "laws", source), number(r, at, "train_nll", source, false),
          metric(r, at, "validation", "nll_per_transition", source), metric(r, at, "test", "nll_per_transition", source),
          metric(r, at, "validation", "attribute_accuracy", source), metric(r, at, "test", "attribute_accuracy", source)));
    }
    return new LearningCurves(source, rounds);
  }

  private static double number(JsonNode r, String at, String field, String source, boolean required) {
    JsonNode v = r.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new UserFacingException(source + ": field '" + at + "." + field + "': missing");
      }
      return Double.NaN;
    }
    if (!v.isNumber()) {
      throw new UserFacingException(source + ": field '" + at + "." + field + "': expected a number, got " + v);
    }
    return v.asDouble();
  }

  private static int whole(JsonNode r, String at, String field, String source) {
    JsonNode v = r.get(field);
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
      throw new UserFacingException(source + ": field '" + at + "." + field + "': expected a count, got "
          + (v == null ? "nothing" : v.toString()));
    }
    return v.asInt();
  }

  private static double metric(JsonNode r, String at, String part, String field, String source) {
    JsonNode m = r.get(part);
    if (m == null || m.isNull()) {
      return Double.NaN;
    }
    if (!m.isObject()) {
      throw new UserFacingException(source + ": field '" + at + "." + part + "': expected an object");
    }
    return number(m, at + "." + part, field, source, false);
  }

  /** The penalties of the run in the order first met. */
  List<Double> lambdas() {
    return rounds.stream().map(Round::lambda).distinct().toList();
  }
}
