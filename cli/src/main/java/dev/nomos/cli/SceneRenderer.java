package dev.nomos.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws scenes side by side: per step, the recorded frame and, for a model, its prediction (one
 * scene, or several drawn samples overlaid), with the objects as boxes in their type's colour, the
 * step and action under each panel, the model's mistakes outlined in red (a box the recording does
 * not show: solid; a recorded box the model does not show: dashed) and a legend of the types. Text
 * and shapes are drawn without anti-aliasing so that every type keeps its exact colour in a GIF.
 */
final class SceneRenderer {
  static final Color MISTAKE = new Color(0xE0, 0x10, 0x10);
  static final Color PANEL = new Color(0xF4, 0xF4, 0xF4);
  static final int MARGIN = 8;
  static final int TEXT = 16;
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private final int width;
  private final int height;
  private final int scale;
  private final TypePalette palette;
  private final List<String> titles;

  /**
   * @param width the world's width in its units, {@code height} its height
   * @param scale pixels per unit
   * @param titles one title per column: the recording, then the model (if any)
   */
  SceneRenderer(int width, int height, int scale, TypePalette palette, List<String> titles) {
    this.width = width;
    this.height = height;
    this.scale = scale;
    this.palette = palette;
    this.titles = List.copyOf(titles);
  }

  int panelWidth() {
    return width * scale;
  }

  int panelHeight() {
    return height * scale;
  }

  /** The height of one row of panels: the panels and their captions. */
  int rowHeight() {
    return panelHeight() + TEXT + MARGIN;
  }

  int imageWidth() {
    int panels = titles.size() * (panelWidth() + MARGIN) + MARGIN;
    return Math.max(panels, legendWidth() + 2 * MARGIN);
  }

  /** The x of column {@code c}'s panel. */
  int panelX(int c) {
    return MARGIN + c * (panelWidth() + MARGIN);
  }

  /** The y of row {@code r}'s panel. */
  int panelY(int r) {
    return MARGIN + TEXT + r * rowHeight();
  }

  private int legendWidth() {
    FontMetrics m = metrics();
    int w = 0;
    for (String t : palette.types()) {
      w += 14 + m.stringWidth(t) + 12;
    }
    return w;
  }

  private static FontMetrics metrics() {
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = probe.createGraphics();
    try {
      return g.getFontMetrics(FONT);
    } finally {
      g.dispose();
    }
  }

  /**
   * One image with a row per step: each row is the recorded scene and then, when the model predicted,
   * its scenes overlaid ({@code predicted.get(r)} may be empty for a recording alone).
   */
  BufferedImage draw(List<Scene> recorded, List<List<Scene>> predicted) {
    int rows = recorded.size();
    BufferedImage image = new BufferedImage(imageWidth(), MARGIN + TEXT + rows * rowHeight() + TEXT + MARGIN,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
      g.setFont(FONT);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.setColor(Color.DARK_GRAY);
      for (int c = 0; c < titles.size(); c++) {
        g.drawString(titles.get(c), panelX(c), MARGIN + TEXT - 4);
      }
      for (int r = 0; r < rows; r++) {
        Scene truth = recorded.get(r);
        panel(g, 0, r, List.of(truth), null);
        caption(g, 0, r, truth);
        List<Scene> model = r < predicted.size() ? predicted.get(r) : List.of();
        if (!model.isEmpty()) {
          panel(g, 1, r, model, truth);
          caption(g, 1, r, model.get(0));
        }
      }
      legend(g, image.getHeight() - MARGIN - 4);
    } finally {
      g.dispose();
    }
    return image;
  }

  private void panel(Graphics2D g, int column, int row, List<Scene> scenes, Scene truth) {
    int px = panelX(column);
    int py = panelY(row);
    g.setColor(PANEL);
    g.fillRect(px, py, panelWidth(), panelHeight());
    float alpha = scenes.size() == 1 ? 1f : Math.max(0.2f, 1f / scenes.size());
    for (Scene s : scenes) {
      for (Scene.Box b : s.boxes()) {
        Color c = palette.of(b.type());
        g.setColor(alpha == 1f ? c : new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.round(alpha * 255)));
        g.fillRect(px + b.x() * scale, py + b.y() * scale, Math.max(1, b.w() * scale), Math.max(1, b.h() * scale));
      }
    }
    if (truth != null) {
      g.setColor(MISTAKE);
      g.setStroke(new BasicStroke(2));
      for (Scene s : scenes) {
        for (Scene.Box b : s.boxes()) {
          if (!truth.shows(b)) {
            outline(g, px, py, b);
          }
        }
      }
      g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {3, 3}, 0));
      for (Scene.Box b : truth.boxes()) {
        if (scenes.stream().noneMatch(s -> s.shows(b))) {
          outline(g, px, py, b);
        }
      }
      g.setStroke(new BasicStroke(1));
    }
    g.setColor(Color.GRAY);
    g.drawRect(px - 1, py - 1, panelWidth() + 1, panelHeight() + 1);
  }

  private void outline(Graphics2D g, int px, int py, Scene.Box b) {
    g.drawRect(px + b.x() * scale - 1, py + b.y() * scale - 1, Math.max(1, b.w() * scale) + 1, Math.max(1, b.h() * scale) + 1);
  }

  private void caption(Graphics2D g, int column, int row, Scene s) {
    g.setColor(Color.DARK_GRAY);
    g.drawString("step " + s.step() + "  action " + s.action(), panelX(column), panelY(row) + panelHeight() + TEXT - 3);
  }

  private void legend(Graphics2D g, int baseline) {
    FontMetrics m = g.getFontMetrics();
    int x = MARGIN;
    for (String t : palette.types()) {
      g.setColor(palette.of(t));
      g.fillRect(x, baseline - 10, 10, 10);
      g.setColor(Color.DARK_GRAY);
      g.drawString(t, x + 14, baseline);
      x += 14 + m.stringWidth(t) + 12;
    }
  }
}
