package dev.nomos.compiler.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.plan.LawPlan;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.Episodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example model: compiled and interpreted laws and constraints make the same calls on the
 * example's recorded frames (its test data, or the trajectory its laws fire on) and on random frames
 * of its world.
 */
class ExamplesDifferentialTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  @TestFactory
  Stream<DynamicTest> everyExampleAgreesWithTheInterpreter() throws IOException {
    assumeTrue(Files.isDirectory(EXAMPLES), "no examples directory beside the module");
    List<Path> models;
    try (Stream<Path> files = Files.walk(EXAMPLES)) {
      // Every file of laws (reference models, variations); world.law files declare only the world.
      models = files.filter(p -> p.toString().endsWith(".law") && !p.getFileName().toString().equals("world.law"))
          .sorted().toList();
    }
    assumeTrue(!models.isEmpty(), "no example models yet");
    return models.stream().map(model -> DynamicTest.dynamicTest(model.toString(), () -> check(model)));
  }

  private static void check(Path model) throws IOException {
    Compilation c = NomosCompiler.compile(List.of(model));
    // A model that does not check is the checker's and the example's business; it is reported as skipped here.
    assumeFalse(c.hasErrors(), () -> model + " does not check: " + c.errors().get(0).message());
    List<LawPlan> plans = new ArrayList<>(c.plans());
    plans.addAll(c.constraintPlans());
    List<Law> compiled = CompiledLaws.compile(plans);
    List<Law> interpreted = LawFactory.createAll(plans, Engine.INTERPRETED);
    List<Frame> frames = new ArrayList<>(recordedFrames(model.getParent(), c.schema()));
    Random r = new Random(model.toString().hashCode());
    for (int k = 0; k < 300; k++) {
      frames.add(RandomWorlds.frame(c.schema(), r));
    }
    for (Frame frame : frames) {
      for (int i = 0; i < plans.size(); i++) {
        List<String> expected = DifferentialTest.run(interpreted.get(i), frame);
        assertEquals(expected, DifferentialTest.run(compiled.get(i), frame), plans.get(i).name());
      }
    }
  }

  /** Up to 2,000 frames of the example's recorded test data, when it has some. */
  private static List<Frame> recordedFrames(Path dir, WorldSchema schema) throws IOException {
    Path data = dir.resolve("test.jsonl.gz");
    if (!Files.exists(data)) {
      data = dir.resolve("test.jsonl");
    }
    if (!Files.exists(data)) {
      data = dir.resolve("fires.jsonl");
    }
    if (!Files.exists(data)) {
      return List.of();
    }
    List<Frame> frames = new ArrayList<>();
    for (Episode e : Episodes.read(data, schema)) {
      for (Frame f : e.frames()) {
        if (frames.size() < 2_000) {
          frames.add(f);
        }
      }
    }
    return frames;
  }
}
