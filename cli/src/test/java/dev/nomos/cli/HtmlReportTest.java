package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code learn --html}: one self-contained page, checked in a real browser (Debian's chromium,
 * headless; .ci/run installs it): it loads without a console message and its screenshot is not blank.
 */
class HtmlReportTest {
  @TempDir
  Path dir;

  @Test
  void learnWritesAPageABrowserShowsWithoutConsoleErrors() throws Exception {
    Path box = dir.resolve("box");
    Files.createDirectories(box);
    Files.writeString(box.resolve("train.jsonl"), ball(0, 2, 1, 60) + ball(1, 7, -1, 60));
    Files.writeString(box.resolve("test.jsonl"), ball(0, 4, 1, 30));
    assertEquals(0, Run.run("init", "--data", box.resolve("train.jsonl").toString(), "-o",
        box.resolve("world.law").toString()).exit());
    Path html = dir.resolve("run.html");
    Run learn = Run.run("learn", box.toString(), "--iterations", "2", "-q", "--html", html.toString());
    assertEquals(0, learn.exit(), learn.err());
    String page = Files.readString(html);
    for (String part : List.of("<h2>Curves</h2>", "<h2>Per type</h2>", "<h2>Rollout</h2>", "<h2>Learned laws</h2>",
        "data:image/png;base64,", "data:image/gif;base64,", "<span class=\"kw\">law</span> <span class=\"name\">")) {
      assertTrue(page.contains(part), part);
    }
    assertTrue(!page.contains("src=\"http") && !page.contains("href=\"http"), "self-contained");

    Path chromium = chromium();
    Assumptions.assumeTrue(chromium != null, "no chromium on this machine (.ci/run installs it)");
    Path shot = dir.resolve("shot.png");
    String log = browse(chromium, html, shot);
    assertTrue(!log.contains(":CONSOLE"), log);
    BufferedImage image = ImageIO.read(shot.toFile());
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertTrue(colours.size() > 20, "the screenshot is nearly blank: " + colours.size() + " colours");

    // The check itself works: a page whose image is broken reports it on the console.
    Path broken = dir.resolve("broken.html");
    Files.writeString(broken, page.replaceFirst("data:image/png;base64,", "data:image/png;base64,AAAA"));
    assertTrue(browse(chromium, broken, dir.resolve("broken.png")).contains("image failed to load"));
  }

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

  private static Path chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  /** Loads the page headless, takes a screenshot and returns the browser's log (console messages included). */
  private String browse(Path chromium, Path page, Path shot) throws IOException, InterruptedException {
    Path log = dir.resolve(shot.getFileName() + ".log");
    Process p = new ProcessBuilder(chromium.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
        "--hide-scrollbars", "--window-size=1100,1400", "--user-data-dir=" + dir.resolve("profile"),
        "--screenshot=" + shot, "--enable-logging=stderr", "--v=0", page.toUri().toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s");
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(Files.exists(shot), text);
    return text;
  }
}
