package dev.nomos.cli;

import static dev.nomos.cli.ExplainCommandTest.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code nomos report} and {@code learn --plot}: the curves of a real report (a short learn run here,
 * and {@code seeing/pong-report.json}, written by {@code nomos learn examples/pong --max-time 150
 * --report}) as PNG and SVG.
 */
class ReportCommandTest {
  static final Path PONG_REPORT = ExplainCommandTest.DIR.resolve("pong-report.json");

  @TempDir
  Path dir;

  /** A ball crossing a 12-wide box and back, one record per step, without ids. */
  private static String ball(int episode, int x, int vx, int steps) {
    StringBuilder sb = new StringBuilder();
    for (int t = 0; t <= steps; t++) {
      sb.append("{\"episode\":").append(episode).append(",\"t\":").append(t).append(",\"action\":")
          .append(t == steps ? "null" : "\"NOOP\"").append(",\"done\":").append(t == steps).append(",\"objects\":[")
          .append("{\"type\":\"Ball\",\"x\":").append(x).append(",\"y\":5},")
          .append("{\"type\":\"Wall\",\"x\":0,\"y\":0,\"w\":1,\"h\":12},")
          .append("{\"type\":\"Wall\",\"x\":11,\"y\":0,\"w\":1,\"h\":12}]}\n");
      if (x + vx < 1 || x + vx > 10) {
        vx = -vx;
      }
      x += vx;
    }
    return sb.toString();
  }

  @Test
  void learnPlotsItsRunAndReportPlotsTheReportItWrote() throws IOException {
    Path box = dir.resolve("box");
    Files.createDirectories(box);
    Files.writeString(box.resolve("train.jsonl"), ball(0, 2, 1, 80) + ball(1, 7, -1, 80));
    Files.writeString(box.resolve("test.jsonl"), ball(0, 4, 1, 40));
    assertEquals(0, Run.run("init", "--data", box.resolve("train.jsonl").toString(), "-o",
        box.resolve("world.law").toString()).exit());
    Path report = dir.resolve("run.json");
    Path plot = dir.resolve("plots").resolve("run.png");
    Run learn = Run.run("learn", box.toString(), "--iterations", "2", "-q", "--report", report.toString(),
        "--plot", plot.toString());
    assertEquals(0, learn.exit(), learn.err());
    BufferedImage fromLearn = ImageIO.read(plot.toFile());
    assertEquals(CurvePlot.WIDTH, fromLearn.getWidth());
    assertEquals(3 * CurvePlot.CHART_HEIGHT, fromLearn.getHeight());

    Path again = dir.resolve("again.png");
    Run r = Run.run("report", report.toString(), "-o", again.toString());
    assertEquals(0, r.exit(), r.err());
    BufferedImage fromReport = ImageIO.read(again.toFile());
    assertEquals(fromLearn.getWidth(), fromReport.getWidth());
    assertEquals(fromLearn.getHeight(), fromReport.getHeight());
    LearningCurves curves = LearningCurves.read(report);
    assertTrue(curves.rounds().stream().anyMatch(x -> x.stage().equals("refit")), curves.toString());
    assertEquals(3, CurvePlot.charts(curves).size());
  }

  @Test
  void theCommittedPongReportHasOneLinePerPenaltyAndWritesAsSvgToo() throws Exception {
    LearningCurves curves = LearningCurves.read(PONG_REPORT);
    assertEquals(3, curves.lambdas().size());
    var charts = CurvePlot.charts(curves);
    // train, held-out and test per penalty, then the refitted model's train and test marks
    assertEquals(3 * 3 + 2, charts.get(0).getSeriesMap().size());
    assertEquals(3 + 1, charts.get(2).getSeriesMap().size());
    assertTrue(charts.get(0).getStyler().isYAxisLogarithmic());
    Path svg = dir.resolve("curves.svg");
    Run r = Run.run("report", PONG_REPORT.toString(), "-o", svg.toString());
    assertEquals(0, r.exit(), r.err());
    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
    xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Element root = xml.newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
    assertEquals("svg", root.getLocalName() == null ? root.getTagName() : root.getLocalName());
    assertEquals("0 0 " + CurvePlot.WIDTH + " " + 3 * CurvePlot.CHART_HEIGHT, root.getAttribute("viewBox"));
    // Text is drawn as outlines; the lines of the curves are paths.
    assertTrue(root.getElementsByTagName("path").getLength() > 9, "paths: " + root.getElementsByTagName("path").getLength());
  }

  @Test
  void badInputIsOneLocatedLine() throws IOException {
    String out = dir.resolve("c.png").toString();
    assertOneLine(Run.run("report", dir.resolve("missing.json").toString(), "-o", out), 1, "missing.json: no such file");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\n  \"iterations\": [\n    {\"stage\": \"select\",,}\n]}");
    assertOneLine(Run.run("report", broken.toString(), "-o", out), 1, "broken.json:3:");
    Path wrong = dir.resolve("wrong.json");
    Files.writeString(wrong, "{\"iterations\": [{\"stage\": \"select\", \"lambda\": 0.001, \"iteration\": 0, \"laws\": \"many\"}]}");
    assertOneLine(Run.run("report", wrong.toString(), "-o", out), 1, "wrong.json: field 'iterations[0].laws': expected a count");
    Path other = dir.resolve("other.json");
    Files.writeString(other, "{\"transitions\": 3}");
    assertOneLine(Run.run("report", other.toString(), "-o", out), 1, "field 'iterations'");
    Files.createDirectories(dir.resolve("d.png"));
    assertOneLine(Run.run("report", PONG_REPORT.toString(), "-o", dir.resolve("d.png").toString()), 1, "it is a directory");
    assertOneLine(Run.run("report", PONG_REPORT.toString(), "-o", dir.resolve("c.pdf").toString()), 2, ".png or an .svg");
  }
}
