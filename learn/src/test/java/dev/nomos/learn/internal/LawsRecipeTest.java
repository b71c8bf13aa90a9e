package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.CheckedLaw;
import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.codegen.Engine;
import dev.nomos.learn.NomosLawCompiler;
import dev.nomos.runtime.Law;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.cluster.TransitionSlice;
import dev.nomos.runtime.fit.FitData;
import dev.nomos.runtime.fit.FitResult;
import dev.nomos.runtime.fit.Fitter;
import dev.nomos.runtime.model.Metrics;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.TransitionScore;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.Episodes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A learner's model sent to a cluster's workers as texts ({@link LawsRecipe}) comes back as the same
 * model: after Java serialization, the rebuilt model scores every transition of the Pong recording
 * exactly as the learner's, with its fitted weights, floor and creation chances; and the slices the
 * workers read name the episodes' files and lines.
 */
class LawsRecipeTest {
  private static final Path WORLD = Path.of("../examples/pong/world.law");
  private static final Path LAWS = Path.of("../examples/pong/reference.law");
  private static final Path DATA = Path.of("../examples/pong/train.jsonl");

  @Test
  void aSentModelScoresEveryTransitionAsTheLearnersDoes() throws Exception {
    String worldSource = Files.readString(WORLD);
    Compilation reference = NomosCompiler.compile(List.of(LAWS));
    WorldSchema schema = reference.schema();
    NomosLawCompiler compiler = new NomosLawCompiler(schema, Engine.COMPILED);
    List<String> texts = new ArrayList<>();
    List<Law> laws = new ArrayList<>();
    for (CheckedLaw law : reference.laws()) {
      String text = law.source().text().substring(law.decl().span().start(), law.decl().span().end());
      dev.nomos.learn.LawCompiler.Compiled compiled = compiler.compile(text);
      // The learner's laws stand alone; a reference law calling the file's own functions does not.
      if (compiled.ok()) {
        texts.add(text);
        laws.add(compiled.law());
      }
    }
    assertTrue(laws.size() >= 5, texts.toString());
    List<Episode> data = Episodes.read(DATA, schema);
    double[] start = new double[laws.size()];
    Arrays.fill(start, 1.0);
    WorldModel unfitted = new WorldModel(schema, laws, start, ModelOptions.defaults().withLambda(0.003));
    FitResult fit = new Fitter().fit(unfitted, FitData.precompute(unfitted, data, ProgressListener.NONE));
    WorldModel fitted = fit.model();
    assertFalse(fitted.floor().values().isEmpty(), "the fit set a floor: " + fitted.floor());

    LawsRecipe recipe = LawsRecipe.of(worldSource, Engine.COMPILED, texts, fitted);
    LawsRecipe sent = sentAndBack(recipe);
    assertEquals(recipe, sent);
    WorldModel rebuilt = sent.build();
    assertEquals(fitted.lawNames(), rebuilt.lawNames());
    assertTrue(Arrays.equals(fitted.weights(), rebuilt.weights()));
    assertEquals(fitted.floor(), rebuilt.floor());
    assertEquals(fitted.options(), rebuilt.options());
    List<TransitionScore> here = Metrics.scoreTransitions(fitted, data, ProgressListener.NONE);
    // A worker reads the data against the world it compiled, as the learner did against its own.
    List<TransitionScore> there = Metrics.scoreTransitions(rebuilt, Episodes.read(DATA, rebuilt.schema()),
        ProgressListener.NONE);
    assertEquals(here.size(), there.size());
    for (int k = 0; k < here.size(); k++) {
      assertEquals(here.get(k).logLikelihood(), there.get(k).logLikelihood(), 0.0, "transition " + k);
    }
    // Another model (other weights) is another recipe: a worker does not reuse the last build.
    WorldModel reweighted = fitted.withWeights(start);
    assertNotEquals(recipe, LawsRecipe.of(worldSource, Engine.COMPILED, texts, reweighted));
    assertThrows(IllegalArgumentException.class,
        () -> LawsRecipe.of(worldSource, Engine.COMPILED, texts.subList(1, texts.size()), fitted));
  }

  @Test
  void slicesNameTheFileAndTheLineOfTheirFirstFrame() throws IOException {
    Compilation world = NomosCompiler.compile(List.of(WORLD));
    List<Episode> data = Episodes.read(DATA, world.schema());
    ValidationSplit split = ValidationSplit.of(data, 0.25);
    List<TransitionSlice> held = TransitionSlice.allOf(split.validation());
    assertEquals(split.validation().size(), held.size());
    for (int k = 0; k < held.size(); k++) {
      Episode e = split.validation().get(k);
      assertEquals(DATA.toAbsolutePath().toUri().toString(), held.get(k).file());
      assertEquals(e.lines()[0], held.get(k).firstLine());
      assertEquals(e.transitions(), held.get(k).transitions());
    }
    Episode inMemory = new Episode(null, 0, data.get(0).frames(), data.get(0).lines());
    assertEquals(null, TransitionSlice.allOf(List.of(data.get(0), inMemory)));
  }

  private static LawsRecipe sentAndBack(LawsRecipe recipe) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(recipe);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (LawsRecipe) in.readObject();
    }
  }
}
