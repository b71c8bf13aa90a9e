package dev.nomos.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.CheckedLaw;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.codegen.CompiledLaws;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.Episodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The Pong reference model of examples/pong and its test recording, shared by the serve tests. */
final class Pong {
  static final Path DIR = Path.of("..", "examples", "pong");
  static final Path TEST = DIR.resolve("test.jsonl");
  static final JsonMapper JSON = new JsonMapper();

  private Pong() {}

  static WorldModel model() {
    return compile(List.of(DIR.resolve("world.law"), DIR.resolve("reference.law")));
  }

  /** The model of {@code files}, compiled with the weights and floor they state. */
  static WorldModel compile(List<Path> files) {
    Compilation c = NomosCompiler.compile(files);
    assertFalse(c.hasErrors(), c.diagnostics().toString());
    List<CheckedLaw> laws = c.laws();
    double[] weights = laws.stream().mapToDouble(l -> l.weight() == null ? 1.0 : l.weight()).toArray();
    return new WorldModel(c.schema(), CompiledLaws.compile(laws.stream().map(CheckedLaw::plan).toList()), weights,
        dev.nomos.runtime.model.ModelOptions.defaults()).withFloor(c.floor());
  }

  /** The first episode of the test recording, read as the commands read it. */
  static Episode episode(WorldModel model) {
    try {
      return Episodes.read(TEST, model.schema()).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Record {@code t} of the test recording's first episode, as JSON. */
  static JsonNode record(int t) {
    try {
      return JSON.readTree(Files.readAllLines(TEST).get(t));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
