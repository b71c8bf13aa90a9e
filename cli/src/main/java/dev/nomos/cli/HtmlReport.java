package dev.nomos.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nomos.grammar.NomosLexer;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * One self-contained HTML page about a learning run ({@code learn --html}): the run's figures, its
 * curves, per-type accuracy, a rollout of the learned model beside the recording, and the learned laws
 * highlighted by the language's own lexer (keywords, numbers, strings, comments, law and type names,
 * as the editors colour them). Images are embedded as data URIs; the one script only reports an image
 * that failed to load on the console, so that a browser test can tell a broken page.
 */
final class HtmlReport {
  private static final int ROLLOUT_STEPS = 10;

  private HtmlReport() {}

  /**
   * @param reportJson the run's report as {@code --report} writes it
   * @param lawFile the learned laws as written to {@code -o}
   * @param model the learned model, rolled out on {@code episode} from its first frame
   */
  static String page(String world, String reportJson, String lawFile, WorldModel model, Episode episode) throws IOException {
    JsonNode report = new ObjectMapper().readTree(reportJson);
    LearningCurves curves = LearningCurves.parse(reportJson, "the run's report");
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>nomos learn: ")
        .append(escape(world)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    h.append("<h1>Learning run: ").append(escape(world)).append("</h1>\n");
    summary(h, report, model);
    h.append("<h2>Curves</h2>\n<p>Negative log-likelihood per transition (train solid, held-out dashed, test dotted), "
        + "attribute accuracy and laws, by round, one colour per penalty.</p>\n");
    image(h, "image/png", ImageFiles.png(CurvePlot.image(curves)), "learning curves");
    perType(h, report);
    int steps = Math.min(ROLLOUT_STEPS, episode.frames().size() - 1);
    h.append("<h2>Rollout</h2>\n<p>").append(escape(episode.location(0))).append(", ").append(steps)
        .append(" steps: the recording (left) and the learned model's most likely frames under the recorded actions "
            + "(right); mistakes outlined in red.</p>\n");
    RenderCommand.Film film = RenderCommand.film(model, episode, 0, steps, null, 0);
    image(h, "image/gif", ImageFiles.gif(film.gifFrames(null), 500), "rollout");
    h.append("<h2>Learned laws</h2>\n<pre class=\"law\">");
    highlight(h, lawFile);
    h.append("</pre>\n<script>\nfor (const img of document.images) {\n"
        + "  const check = () => { if (!img.naturalWidth) console.error('image failed to load: ' + img.alt); };\n"
        + "  if (img.complete) check(); else { img.addEventListener('load', check); img.addEventListener('error', check); }\n"
        + "}\n</script>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void summary(StringBuilder h, JsonNode report, WorldModel model) {
    h.append("<table class=\"facts\">\n");
    row(h, "proposer", report.path("proposer").asText("-"));
    row(h, "stopped by", report.path("stop_reason").asText("-"));
    row(h, "time", String.format(Locale.ROOT, "%.1f s", report.path("seconds").asDouble()));
    row(h, "laws", Integer.toString(model.laws().size()));
    JsonNode selection = report.get("selection");
    if (selection != null && !selection.isNull()) {
      row(h, "chosen", String.format(Locale.ROOT, "round %d at lambda %s, of %d models", selection.path("round").asInt(),
          selection.path("lambda").asText(), selection.path("candidates").asInt()));
    }
    JsonNode iterations = report.path("iterations");
    JsonNode last = iterations.isEmpty() ? null : iterations.get(iterations.size() - 1);
    if (last != null && last.hasNonNull("test")) {
      JsonNode test = last.get("test");
      row(h, "test", String.format(Locale.ROOT, "NLL %.4f per transition, exact frames %.1f%%, attributes %.2f%% (%d transitions)",
          test.path("nll_per_transition").asDouble(), 100 * test.path("exact_frame_accuracy").asDouble(),
          100 * test.path("attribute_accuracy").asDouble(), test.path("transitions").asInt()));
    }
    h.append("</table>\n");
  }

  private static void perType(StringBuilder h, JsonNode report) {
    JsonNode types = report.get("final_per_type_accuracy");
    if (types == null || !types.isObject() || types.isEmpty()) {
      return;
    }
    h.append("<h2>Per type</h2>\n<p>Accuracy on moving objects of the final model on the test data, per attribute.</p>\n"
        + "<table class=\"types\">\n<tr><th>type</th><th>attribute</th><th>accuracy</th></tr>\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = types.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> type = it.next();
      if (type.getValue().isEmpty()) {
        h.append("<tr><td>").append(escape(type.getKey())).append("</td><td colspan=\"2\">nothing moved</td></tr>\n");
      }
      for (Iterator<Map.Entry<String, JsonNode>> a = type.getValue().fields(); a.hasNext(); ) {
        Map.Entry<String, JsonNode> attribute = a.next();
        double v = attribute.getValue().asDouble();
        h.append("<tr><td>").append(escape(type.getKey())).append("</td><td>").append(escape(attribute.getKey()))
            .append("</td><td><span class=\"bar\" style=\"width:").append(Math.round(120 * v)).append("px\"></span> ")
            .append(String.format(Locale.ROOT, "%.1f%%", 100 * v)).append("</td></tr>\n");
      }
    }
    h.append("</table>\n");
  }

  private static void row(StringBuilder h, String name, String value) {
    h.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
  }

  private static void image(StringBuilder h, String mime, byte[] bytes, String alt) {
    h.append("<p><img alt=\"").append(escape(alt)).append("\" src=\"data:").append(mime).append(";base64,")
        .append(Base64.getEncoder().encodeToString(bytes)).append("\"></p>\n");
  }

  /** The law file with each token in a span of its class; the text between tokens (blanks) as it is. */
  static void highlight(StringBuilder h, String text) {
    NomosLexer lexer = new NomosLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    int at = 0;
    int previous = -1;
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getStartIndex() < at) {
        continue;
      }
      h.append(escape(text.substring(at, t.getStartIndex())));
      String cls = cssClass(t, previous);
      String word = text.substring(t.getStartIndex(), t.getStopIndex() + 1);
      if (cls == null) {
        h.append(escape(word));
      } else {
        h.append("<span class=\"").append(cls).append("\">").append(escape(word)).append("</span>");
      }
      at = t.getStopIndex() + 1;
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        previous = t.getType();
      }
    }
    h.append(escape(text.substring(Math.min(at, text.length()))));
  }

  private static String cssClass(Token t, int previous) {
    int type = t.getType();
    if (type == NomosLexer.DOC_COMMENT) {
      return "doc";
    }
    if (type == NomosLexer.LINE_COMMENT) {
      return "comment";
    }
    if (type >= NomosLexer.USE && type <= NomosLexer.CHOOSE) {
      return "kw";
    }
    if (type == NomosLexer.INT || type == NomosLexer.DECIMAL) {
      return "num";
    }
    if (type == NomosLexer.STRING) {
      return "str";
    }
    if (type == NomosLexer.ID) {
      if (previous == NomosLexer.LAW || previous == NomosLexer.CONSTRAINT) {
        return "name";
      }
      return Character.isUpperCase(t.getText().charAt(0)) ? "type" : null;
    }
    return null;
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static final String STYLE = """
      body { font-family: sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }
      h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; }
      table { border-collapse: collapse; } th, td { text-align: left; padding: 2px 10px 2px 0; }
      .facts th { color: #555; font-weight: normal; }
      .types td, .types th { border-bottom: 1px solid #eee; }
      .bar { display: inline-block; height: 0.8em; background: #4e79a7; vertical-align: middle; }
      img { max-width: 100%; border: 1px solid #ddd; }
      pre.law { background: #fafafa; border: 1px solid #ddd; padding: 1em; overflow-x: auto; font-size: 0.85em; }
      .kw { color: #0033b3; font-weight: bold; } .num { color: #1750eb; } .str { color: #067d17; }
      .comment { color: #8c8c8c; font-style: italic; } .doc { color: #8c8c8c; font-style: italic; }
      .name { color: #00627a; font-weight: bold; } .type { color: #871094; }
      """;
}
