package dev.nomos.cli;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The curves of a learning run drawn with XChart, three charts stacked: negative log-likelihood per
 * transition (train solid, held-out dashed, test dotted; log scale), attribute accuracy (held-out
 * dashed, test dotted) and law count, by round, one colour per penalty of the selection grid; the
 * final model refitted on all training data is a black mark at its round (train: diamond, test: square).
 */
final class CurvePlot {
  static final int WIDTH = 900;
  static final int CHART_HEIGHT = 320;
  private static final Color[] COLOURS = {
      new Color(0x4E79A7), new Color(0xE15759), new Color(0x59A14F), new Color(0xF28E2B),
      new Color(0xB07AA1), new Color(0x76B7B2), new Color(0x9C755F), new Color(0xEDC948)};

  private CurvePlot() {}

  static List<XYChart> charts(LearningCurves curves) {
    XYChart nll = chart("Negative log-likelihood per transition", "NLL (nats)");
    XYChart accuracy = chart("Attribute accuracy on moving objects", "accuracy");
    XYChart laws = chart("Laws in the model", "laws");
    List<Double> lambdas = curves.lambdas();
    for (int k = 0; k < lambdas.size(); k++) {
      double lambda = lambdas.get(k);
      Color colour = COLOURS[k % COLOURS.length];
      List<LearningCurves.Round> rounds = curves.rounds().stream()
          .filter(r -> r.lambda() == lambda && !r.stage().equals("refit")).toList();
      String tag = "λ=" + trim(lambda);
      line(nll, "train " + tag, rounds, LearningCurves.Round::trainNll, colour, SeriesLines.SOLID);
      line(nll, "held-out " + tag, rounds, LearningCurves.Round::heldOutNll, colour, SeriesLines.DASH_DASH);
      line(nll, "test " + tag, rounds, LearningCurves.Round::testNll, colour, SeriesLines.DOT_DOT);
      line(accuracy, "held-out " + tag, rounds, LearningCurves.Round::heldOutAccuracy, colour, SeriesLines.DASH_DASH);
      line(accuracy, "test " + tag, rounds, LearningCurves.Round::testAccuracy, colour, SeriesLines.DOT_DOT);
      line(laws, tag, rounds, r -> r.laws(), colour, SeriesLines.SOLID);
    }
    List<LearningCurves.Round> refit = curves.rounds().stream().filter(r -> r.stage().equals("refit")).toList();
    point(nll, "final: train", refit, LearningCurves.Round::trainNll, SeriesMarkers.DIAMOND);
    point(nll, "final: test", refit, LearningCurves.Round::testNll, SeriesMarkers.SQUARE);
    point(accuracy, "final: test", refit, LearningCurves.Round::testAccuracy, SeriesMarkers.SQUARE);
    point(laws, "final", refit, r -> r.laws(), SeriesMarkers.DIAMOND);
    boolean positive = nll.getSeriesMap().values().stream()
        .allMatch(s -> java.util.Arrays.stream(s.getYData()).allMatch(v -> v > 0));
    nll.getStyler().setYAxisLogarithmic(positive && !nll.getSeriesMap().isEmpty());
    accuracy.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    laws.getStyler().setYAxisMin(0.0);
    List<XYChart> charts = new ArrayList<>();
    for (XYChart c : List.of(nll, accuracy, laws)) {
      if (!c.getSeriesMap().isEmpty()) {
        charts.add(c);
      }
    }
    return charts;
  }

  private static XYChart chart(String title, String yTitle) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(CHART_HEIGHT).title(title).xAxisTitle("round").yAxisTitle(yTitle)
        .build();
    org.knowm.xchart.style.XYStyler s = c.getStyler();
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotGridLinesColor(new Color(0xE0E0E0));
    s.setLegendBorderColor(Color.WHITE);
    c.getStyler().setXAxisDecimalPattern("0");
    return c;
  }

  private static void line(XYChart chart, String name, List<LearningCurves.Round> rounds,
      ToDoubleFunction<LearningCurves.Round> value, Color colour, java.awt.BasicStroke style) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (LearningCurves.Round r : rounds) {
      double v = value.applyAsDouble(r);
      if (!Double.isNaN(v)) {
        x.add((double) r.round());
        y.add(v);
      }
    }
    if (x.isEmpty()) {
      return;
    }
    XYSeries s = chart.addSeries(name, x, y);
    s.setLineColor(colour);
    s.setMarkerColor(colour);
    s.setLineStyle(style);
    s.setMarker(SeriesMarkers.CIRCLE);
  }

  private static void point(XYChart chart, String name, List<LearningCurves.Round> refit,
      ToDoubleFunction<LearningCurves.Round> value, org.knowm.xchart.style.markers.Marker marker) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (LearningCurves.Round r : refit) {
      double v = value.applyAsDouble(r);
      if (!Double.isNaN(v)) {
        x.add((double) r.round());
        y.add(v);
      }
    }
    if (x.isEmpty()) {
      return;
    }
    XYSeries s = chart.addSeries(name, x, y);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(marker);
    s.setMarkerColor(Color.BLACK);
  }

  private static String trim(double lambda) {
    return new java.math.BigDecimal(lambda).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }

  /** Writes the charts of a run to a .png or .svg file (refusing any other extension). */
  static void write(LearningCurves curves, Path file) throws IOException {
    List<XYChart> charts = charts(curves);
    int height = CHART_HEIGHT * charts.size();
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    if (isSvg(file)) {
      VectorGraphics2D g = new VectorGraphics2D();
      paint(g, charts);
      Document doc = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, WIDTH, height));
      dev.nomos.runtime.io.AtomicFiles.write(absolute, doc::writeTo);
    } else {
      ImageFiles.writePng(file, image(charts));
    }
  }

  /** The charts of a run as one bitmap. */
  static BufferedImage image(LearningCurves curves) {
    return image(charts(curves));
  }

  private static BufferedImage image(List<XYChart> charts) {
    BufferedImage image = new BufferedImage(WIDTH, CHART_HEIGHT * charts.size(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    paint(g, charts);
    g.dispose();
    return image;
  }

  private static void paint(Graphics2D g, List<XYChart> charts) {
    for (int k = 0; k < charts.size(); k++) {
      Graphics2D part = (Graphics2D) g.create(0, k * CHART_HEIGHT, WIDTH, CHART_HEIGHT);
      charts.get(k).paint(part, WIDTH, CHART_HEIGHT);
      part.dispose();
    }
  }

  /** Whether {@code file} names an SVG (else a PNG), refusing any other extension. */
  static boolean isSvg(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".svg")) {
      return true;
    }
    if (name.endsWith(".png")) {
      return false;
    }
    throw new UserFacingException(file + ": the plot must be a .png or an .svg", ExitCodes.USAGE);
  }
}
