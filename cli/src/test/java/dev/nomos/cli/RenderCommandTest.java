package dev.nomos.cli;

import static dev.nomos.cli.ExplainCommandTest.DATA;
import static dev.nomos.cli.ExplainCommandTest.REFERENCE;
import static dev.nomos.cli.ExplainCommandTest.WRONG;
import static dev.nomos.cli.ExplainCommandTest.assertOneLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nomos render}: the images decode, have the size and frame count the layout gives, and show what they say. */
class RenderCommandTest {
  /** The pong world is 160 x 210; the default scale puts about 360 pixels on the longer side. */
  static final int SCALE = 2;
  static final int PANEL_W = 160 * SCALE;
  static final int PANEL_H = 210 * SCALE;
  static final List<String> TYPES = List.of("Player", "Enemy", "Ball", "Wall", "Zone");

  @TempDir
  Path dir;

  private static int rowHeight() {
    return PANEL_H + SceneRenderer.TEXT + SceneRenderer.MARGIN;
  }

  private static int imageHeight(int rows) {
    return SceneRenderer.MARGIN + SceneRenderer.TEXT + rows * rowHeight() + SceneRenderer.TEXT + SceneRenderer.MARGIN;
  }

  private static int columnsWidth(int columns) {
    return columns * (PANEL_W + SceneRenderer.MARGIN) + SceneRenderer.MARGIN;
  }

  @Test
  void aGifHasOneFramePerStepWithTheRecordingBesideTheModel() throws IOException {
    Path gif = dir.resolve("pong.gif");
    Run r = Run.run("render", REFERENCE, "--data", DATA, "--from", "118", "--steps", "4", "-o", gif.toString());
    assertEquals(0, r.exit(), r.err());
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
      reader.setInput(in);
      assertEquals(5, reader.getNumImages(true));
      for (int k = 0; k < 5; k++) {
        assertEquals(columnsWidth(2), reader.getWidth(k));
        assertEquals(imageHeight(1), reader.getHeight(k));
      }
      // Each type keeps its colour through the GIF's palette: the recorded player's box at step 120.
      BufferedImage third = reader.read(2);
      JsonNode player = object(120, "Player");
      assertEquals(colour("Player"), pixel(third, 0, 0, player));
    }
  }

  @Test
  void aPngStacksTheStepsAndOutlinesTheModelsMistakes() throws IOException {
    Path png = dir.resolve("pong.png");
    Run r = Run.run("render", REFERENCE, WRONG, "--data", DATA, "--from", "120", "--steps", "2", "-o", png.toString());
    assertEquals(0, r.exit(), r.err());
    BufferedImage image = ImageIO.read(png.toFile());
    assertEquals(columnsWidth(2), image.getWidth());
    assertEquals(imageHeight(3), image.getHeight());
    for (String type : List.of("Player", "Enemy", "Wall")) {
      assertEquals(colour(type), pixel(image, 0, 0, object(120, type)), type);
      assertEquals(colour(type), pixel(image, 1, 0, object(120, type)), type + " in the model's start frame");
    }
    // The start is the recorded frame on both sides: no mistake. At step 121 the model kept the
    // ball's course (the wrong law outweighs the return): its ball is outlined in red.
    assertFalse(hasMistake(image, 1, 0));
    assertTrue(hasMistake(image, 1, 1));
    assertFalse(hasMistake(image, 0, 1), "the recorded side is never outlined");
  }

  @Test
  void samplesAreOverlaidAndARecordingAloneIsOneColumn() throws IOException {
    Path sampled = dir.resolve("s.png");
    Run r = Run.run("render", REFERENCE, "--data", DATA, "--steps", "3", "--samples", "4", "--seed", "5",
        "-o", sampled.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(imageHeight(4), ImageIO.read(sampled.toFile()).getHeight());
    Path alone = dir.resolve("alone.png");
    Run a = Run.run("render", "--data", DATA, "--from", "3", "--steps", "1", "--scale", "2", "-o", alone.toString());
    assertEquals(0, a.exit(), a.err());
    BufferedImage image = ImageIO.read(alone.toFile());
    assertEquals(imageHeight(2), image.getHeight());
    assertTrue(image.getWidth() < columnsWidth(2), "one column: " + image.getWidth());
    // Without a world the types take their colours in the order the recording first shows them.
    List<String> firstSeen = new java.util.ArrayList<>();
    for (JsonNode o : record(0).get("objects")) {
      if (!firstSeen.contains(o.get("type").asText())) {
        firstSeen.add(o.get("type").asText());
      }
    }
    TypePalette palette = new TypePalette(firstSeen);
    JsonNode player = object(3, "Player");
    assertEquals(palette.of("Player").getRGB() & 0xFFFFFF, pixel(image, 0, 0, player));
  }

  @Test
  void badInputIsOneLocatedLine() throws IOException {
    String out = dir.resolve("x.gif").toString();
    assertOneLine(Run.run("render", REFERENCE, "--data", DATA, "--from", "500", "-o", out), 1,
        "pong.jsonl: episode 0 has steps 0..129, not 500");
    assertOneLine(Run.run("render", REFERENCE, "--data", DATA, "--from", "125", "--steps", "10", "-o", out), 1,
        "ends at step 129");
    assertOneLine(Run.run("render", "--data", dir.resolve("none.jsonl").toString(), "-o", out), 1, "none.jsonl");
    Files.createDirectories(dir.resolve("taken.png"));
    assertOneLine(Run.run("render", "--data", DATA, "-o", dir.resolve("taken.png").toString()), 1, "it is a directory");
    assertOneLine(Run.run("render", "--data", DATA, "-o", dir.resolve("x.jpg").toString()), 2, ".gif or a .png");
    assertOneLine(Run.run("render", "--data", DATA, "--samples", "2", "-o", out), 2, "--samples needs a model");
  }

  private static JsonNode record(int step) throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(Path.of(DATA))) {
      JsonNode r = json.readTree(line);
      if (r.get("t").asInt() == step) {
        return r;
      }
    }
    throw new AssertionError("no step " + step);
  }

  private static JsonNode object(int step, String type) throws IOException {
    for (JsonNode o : record(step).get("objects")) {
      if (o.get("type").asText().equals(type)) {
        return o;
      }
    }
    throw new AssertionError("no " + type + " at step " + step);
  }

  private static int colour(String type) {
    return new TypePalette(TYPES).of(type).getRGB() & 0xFFFFFF;
  }

  /** The colour at the centre of an object's box in panel (column, row). */
  private static int pixel(BufferedImage image, int column, int row, JsonNode o) {
    int x = SceneRenderer.MARGIN + column * (PANEL_W + SceneRenderer.MARGIN)
        + (o.get("x").asInt() * 2 + o.get("w").asInt()) * SCALE / 2;
    int y = SceneRenderer.MARGIN + SceneRenderer.TEXT + row * rowHeight()
        + (o.get("y").asInt() * 2 + o.get("h").asInt()) * SCALE / 2;
    return image.getRGB(x, y) & 0xFFFFFF;
  }

  private static boolean hasMistake(BufferedImage image, int column, int row) {
    int x0 = SceneRenderer.MARGIN + column * (PANEL_W + SceneRenderer.MARGIN);
    int y0 = SceneRenderer.MARGIN + SceneRenderer.TEXT + row * rowHeight();
    int red = SceneRenderer.MISTAKE.getRGB() & 0xFFFFFF;
    for (int y = y0; y < y0 + PANEL_H; y++) {
      for (int x = x0; x < x0 + PANEL_W; x++) {
        if ((image.getRGB(x, y) & 0xFFFFFF) == red) {
          return true;
        }
      }
    }
    return false;
  }
}
