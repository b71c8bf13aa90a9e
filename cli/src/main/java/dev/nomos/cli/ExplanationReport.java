package dev.nomos.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.nomos.runtime.model.LawVoice;
import dev.nomos.runtime.model.TargetExplanation;
import dev.nomos.runtime.model.TransitionExplanation;
import dev.nomos.runtime.trajectory.Episode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** Prints explained transitions ({@code nomos explain}, {@code nomos eval --worst}) as text or JSON. */
final class ExplanationReport {

  /** One explained transition: frame {@code index} of {@code episode} to the next. */
  record Explained(Episode episode, int index, String action, TransitionExplanation explanation) {
    String location() {
      return episode.location(index);
    }

    int step() {
      return episode.firstStep() + index;
    }
  }

  private ExplanationReport() {}

  static void printText(PrintWriter out, List<Explained> transitions, LawSources sources) {
    boolean first = true;
    for (Explained e : transitions) {
      if (!first) {
        out.println();
      }
      first = false;
      TransitionExplanation x = e.explanation();
      out.printf(Locale.ROOT, "%s  episode %d, step %d -> %d, action %s%n", e.location(), e.episode().number(),
          e.step(), e.step() + 1, e.action());
      out.printf(Locale.ROOT, "log-likelihood %.4f; %d %s wrong, %d right but unlikely%n", x.logLikelihood(),
          x.wrongTargets(), x.wrongTargets() == 1 ? "target" : "targets", x.targets().size() - x.wrongTargets());
      if (x.targets().stream().anyMatch(t -> !t.laws().isEmpty())) {
        out.println("  per law: its term of the log-odds of the observed value against the predicted one (or the rival),"
            + " its share, weight, what it said, where it is written");
      }
      for (TargetExplanation t : x.targets()) {
        String who = t.objectId() < 0 ? t.type() : t.type() + "#" + t.objectId();
        out.printf(Locale.ROOT, "  %s %s: observed %s (p %s), predicted %s (p %s)%s%n", who, t.attribute(), t.observed(),
            probability(t.observedProbability()), t.predicted(), probability(t.predictedProbability()),
            t.wrong() ? "  WRONG" : "  unlikely; rival " + t.rival());
        if (t.laws().isEmpty()) {
          out.println(t.attribute().startsWith("appears")
              ? "      no law creates it: priced as an unexplained new object (a uniform place on the screen)"
              : "      no law spoke: uniform over the support");
        }
        int width = t.laws().stream().mapToInt(v -> v.law().length()).max().orElse(0);
        for (LawVoice v : t.laws()) {
          String where = sources.of(v.law());
          out.printf(Locale.ROOT, "      %9s %7s  %-" + width + "s  weight %.3f  %s%s%n", signed(v.logOdds()),
              share(v.share()), v.law(), v.weight(), v.opinion(), where.isEmpty() ? "" : "  " + where);
        }
      }
    }
  }

  static String toJson(List<Explained> transitions, LawSources sources) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(text).useDefaultPrettyPrinter()) {
      g.writeStartArray();
      for (Explained e : transitions) {
        TransitionExplanation x = e.explanation();
        g.writeStartObject();
        g.writeStringField("location", e.location());
        g.writeNumberField("episode", e.episode().number());
        g.writeNumberField("step", e.step());
        g.writeStringField("action", e.action());
        number(g, "log_likelihood", x.logLikelihood());
        g.writeArrayFieldStart("targets");
        for (TargetExplanation t : x.targets()) {
          g.writeStartObject();
          g.writeNumberField("object", t.objectId());
          g.writeStringField("type", t.type());
          g.writeStringField("attribute", t.attribute());
          g.writeStringField("observed", t.observed());
          g.writeStringField("predicted", t.predicted());
          g.writeStringField("rival", t.rival());
          g.writeBooleanField("wrong", t.wrong());
          number(g, "p_observed", t.observedProbability());
          number(g, "p_predicted", t.predictedProbability());
          g.writeArrayFieldStart("laws");
          for (LawVoice v : t.laws()) {
            g.writeStartObject();
            g.writeStringField("law", v.law());
            number(g, "weight", v.weight());
            g.writeStringField("opinion", v.opinion());
            number(g, "log_odds", v.logOdds());
            number(g, "share", v.share());
            String where = sources.of(v.law());
            if (where.isEmpty()) {
              g.writeNullField("source");
            } else {
              g.writeStringField("source", where);
            }
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return text.toString();
  }

  /** {@code nomos eval}'s JSON object with the explained transitions added as {@code worst}. */
  static String withWorst(String evaluationJson, List<Explained> transitions, LawSources sources) {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    try {
      var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(evaluationJson);
      root.set("worst", json.readTree(toJson(transitions, sources)));
      return json.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumberField(name, v);
    } else {
      g.writeNullField(name);
    }
  }

  private static String probability(double p) {
    return p >= 0.001 || p == 0 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.2e", p);
  }

  private static String signed(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.3f", v);
  }

  private static String share(double v) {
    // A term that rounds to nothing is written 0.0%, never -0.0%.
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", Math.abs(v) < 0.0005 ? 0.0 : 100 * v);
  }
}
