package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nomos.worlds.Worlds;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The worlds are deterministic and the examples are what docs/worlds.md says made them: running each
 * documented {@code nomos record ... -o examples/W/F.jsonl} command again gives the committed file,
 * byte for byte. (A change to a world's rules or its random streams shows up here first.)
 */
class ExampleRecordingsReproduceTest {
  @TempDir
  Path dir;

  @Test
  void documentedRecordCommandsReproduceTheExampleFiles() throws IOException {
    Path doc = Path.of("../docs/worlds.md");
    assumeTrue(Files.exists(doc), "docs not present");
    List<String> commands = Files.readAllLines(doc).stream()
        .filter(l -> l.startsWith("nomos record ") && l.contains(" -o examples/")).toList();
    assertEquals(2 * Worlds.names().size(), commands.size(), "a train and a test command per built-in world: " + commands);
    for (String command : commands) {
      List<String> args = new ArrayList<>(Arrays.asList(command.substring("nomos ".length()).trim().split("\\s+")));
      int o = args.indexOf("-o");
      Path committed = Path.of("..").resolve(args.get(o + 1));
      Path again = dir.resolve(committed.getFileName() + "-" + args.get(1));
      args.set(o + 1, again.toString());
      CommandLine cl = Main.newCommandLine();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(new StringWriter()));
      cl.setErr(new PrintWriter(err));
      assertEquals(0, cl.execute(args.toArray(String[]::new)), command + "\n" + err);
      assertArrayEquals(Files.readAllBytes(committed), Files.readAllBytes(again), command);
    }
  }
}
