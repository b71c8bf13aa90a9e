package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nomos serve} as a real process: bad requests are answered and survived; shutdown ends it. */
class ServeCommandTest {
  private static final JsonMapper JSON = new JsonMapper();
  private static final Path PONG = Path.of("..", "examples", "pong");

  private static Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).start();
  }

  @Test
  void answersEveryBadRequestAndTheNextOneAndEndsOnShutdown() throws Exception {
    Process p = start(PONG.resolve("world.law").toString(), PONG.resolve("reference.law").toString());
    List<String> records = Files.readAllLines(PONG.resolve("test.jsonl"));
    String step = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"step\",\"params\":{\"frame\":" + records.get(1)
        + ",\"history\":[" + records.get(0) + "],\"action\":\"UP\"}}";
    List<String> bad = List.of(
        "{not json",
        "{\"jsonrpc\":\"2.0\",\"id\":100,\"method\":\"teleport\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":101,\"method\":\"sample\",\"params\":{\"frame\":" + records.get(1)
            + ",\"action\":\"UP\",\"n\":[3]}}",
        "{\"jsonrpc\":\"2.0\",\"id\":102,\"method\":\"step\",\"params\":{\"frame\":{\"objects\":[{\"type\":\"avatar\","
            + "\"x\":4,\"y\":4,\"resources\":\"none\"}]},\"action\":\"UP\"}}");
    List<JsonNode> responses = new ArrayList<>();
    try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
         BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (int k = 0; k < bad.size(); k++) {
        in.write(bad.get(k) + "\n" + String.format(step, k) + "\n");
        in.flush();
        responses.add(JSON.readTree(out.readLine()));
        responses.add(JSON.readTree(out.readLine()));
      }
      in.write("{\"jsonrpc\":\"2.0\",\"id\":\"bye\",\"method\":\"shutdown\"}\n");
      in.flush();
      responses.add(JSON.readTree(out.readLine()));
      assertEquals(null, out.readLine());
    }
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    int[] codes = {-32700, -32601, -32602, -32602};
    String[] fields = {null, "method", "params.n", "params.frame.objects[0].type"};
    for (int k = 0; k < bad.size(); k++) {
      JsonNode error = responses.get(2 * k).get("error");
      assertEquals(codes[k], error.get("code").asInt(), error.toString());
      assertEquals(fields[k], error.has("data") ? error.get("data").get("field").asText() : null);
      JsonNode answered = responses.get(2 * k + 1);
      assertEquals(k, answered.get("id").asInt());
      assertEquals(2, answered.get("result").get("frame").get("t").asInt());
    }
    assertEquals("bye", responses.get(responses.size() - 1).get("id").asText());
  }

  @Test
  void threadsMustBeAtLeastOne() throws Exception {
    Process p = start("--threads", "0", PONG.resolve("world.law").toString());
    p.getOutputStream().close();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, p.exitValue());
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals("nomos: --threads must be at least 1, got 0\n", err.replace("\r", ""));
  }

  @Test
  void stepsAPackedBatchOnTheThreadsItIsGiven() throws Exception {
    Process p = start("--threads", "1", PONG.resolve("world.law").toString(), PONG.resolve("reference.law").toString());
    try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
         BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      // A Ball (type 2) alone at step 0, action UP (2).
      in.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"step_packed\",\"params\":{\"states\":[1,0,2,1,3,2,80,100,2,4]}}\n");
      in.flush();
      JsonNode result = JSON.readTree(out.readLine()).get("result");
      assertEquals(1, result.get("count").asInt());
      assertEquals(7, result.get("offsets").get(1).asInt());
    } finally {
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void endsCleanlyAtTheEndOfItsInput() throws Exception {
    Process p = start(PONG.resolve("world.law").toString(), PONG.resolve("reference.law").toString());
    p.getOutputStream().close();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void aModelThatCannotBeLoadedIsReportedWithExitOne() throws Exception {
    Process p = start("no-such-model.law");
    p.getOutputStream().close();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(1, p.exitValue());
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    // As every command reports a model that does not compile: its diagnostics, then one summary line.
    assertTrue(err.startsWith("no-such-model.law:1:1: error[N004]: cannot read no-such-model.law: no such file"), err);
    assertTrue(!err.contains("\tat "), err);
    assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  /** The {@code predicts} of {@code info} from a server of {@code model}. */
  private static JsonNode predicts(String... model) throws Exception {
    Process p = start(model);
    try (Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
         BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      in.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"info\"}\n");
      in.flush();
      JsonNode info = JSON.readTree(out.readLine());
      assertTrue(info.has("result"), info.toString());
      return info.get("result").get("predicts");
    } finally {
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }
  }

  @Test
  void infoSaysWhichWorldTargetsTheLawsSpeakTo(@TempDir Path dir) throws Exception {
    Path goalWalker = Path.of("..", "python", "tests", "goal_walker.law");
    assertEquals(JSON.readTree("{\"reward\":true,\"terminated\":true}"), predicts(goalWalker.toString()));
    // Pong states its points and the end of a game; a walker that pays for every step states a reward
    // and no end; the plain walker states neither.
    assertEquals(JSON.readTree("{\"reward\":true,\"terminated\":true}"),
        predicts(PONG.resolve("world.law").toString(), PONG.resolve("reference.law").toString()));
    Path walker = Path.of("..", "python", "tests", "walker.law");
    Path paidWalker = dir.resolve("paid_walker.law");
    Files.writeString(paidWalker, Files.readString(walker) + "\nlaw every_step_costs {\n  for w: Walker\n  then reward := -1\n}\n");
    assertEquals(JSON.readTree("{\"reward\":true,\"terminated\":false}"), predicts(paidWalker.toString()));
    assertEquals(JSON.readTree("{\"reward\":false,\"terminated\":false}"),
        predicts(Path.of("..", "python", "tests", "walker.law").toString()));
    // A model jar is read from the sources it bundles.
    Path jar = dir.resolve("goal.jar");
    assertEquals(0, Run.run("compile", goalWalker.toString(), "-o", jar.toString()).exit());
    assertEquals(JSON.readTree("{\"reward\":true,\"terminated\":true}"), predicts(jar.toString()));
  }
}
