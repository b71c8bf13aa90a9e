package dev.nomos.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import dev.nomos.compiler.Parser;
import dev.nomos.compiler.format.Formatter;
import dev.nomos.compiler.source.SourceFile;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server driven by a real editor: Neovim's built-in LSP client, headless (Debian's
 * {@code neovim}; .ci/run installs it), running {@code src/test/resources/nvim/features.lua}
 * against {@link StdioServer} for diagnostics, hover, completion, definition, rename and formatting.
 */
class NeovimClientTest {
  @TempDir Path dir;

  @Test
  void neovimGetsRealAnswersForEveryFeature() throws Exception {
    Path nvim = onPath("nvim");
    Assumptions.assumeTrue(nvim != null, "no nvim on this machine (.ci/run installs Debian's neovim)");
    Path script = resource("nvim/features.lua");
    Process p = neovim(nvim, script, dir).start();
    boolean ended = p.waitFor(180, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(ended, "nvim did not finish:\n" + out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("nvim-lsp: 9 checks, 0 failed"), out);

    String formatted = Files.readString(dir.resolve("formatted.law"));
    assertEquals(Formatter.format(Parser.parse(new SourceFile("laws.law", formatted)).unit()), formatted,
        "the buffer after formatting is what nomos fmt prints");
    assertTrue(formatted.contains("law still {\n  for w: Wall\n"), formatted);
  }

  /** nvim headless with no user config, running {@code script}, the server command in its environment. */
  static ProcessBuilder neovim(Path nvim, Path script, Path dir) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    ProcessBuilder pb = new ProcessBuilder(nvim.toString(), "--headless", "-u", "NONE", "-i", "NONE", "-n",
        "-c", "luafile " + script);
    pb.environment().put("NOMOS_LSP_CMD", new Gson().toJson(List.of(java, "-cp", classpath,
        StdioServer.class.getName())));
    pb.environment().put("NOMOS_TEST_DIR", dir.toString());
    pb.directory(dir.toFile());
    pb.redirectErrorStream(true);
    return pb;
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(NeovimClientTest.class.getResource("/" + name).toURI());
  }

  static Path onPath(String program) throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
