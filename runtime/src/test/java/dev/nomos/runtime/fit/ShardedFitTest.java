package dev.nomos.runtime.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.runtime.Parallelism;
import dev.nomos.runtime.model.Floor;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Precompute and fit cut into shards and run on threads give the numbers of one pass on one thread. */
class ShardedFitTest {
  static final List<Episode> TRAIN = ToyPong.episodes(3, 5, 80);

  @Test
  void partsCutAnywhereMergeToTheDataOfOnePass() throws Exception {
    WorldModel model = WorldModel.of(ToyPong.WORLD, ToyPong.laws()).withFloor(Floor.defaults());
    FitScorer whole = new FitScorer(model);
    for (Episode e : TRAIN) {
      whole.add(e, 0, e.transitions());
    }
    FitData onePass = FitData.of(model, List.of(whole.part()));
    // Cut at uneven places, inside episodes too, and send every part through serialization.
    List<FitPart> parts = new ArrayList<>();
    int cut = 7;
    for (Episode e : TRAIN) {
      for (int from = 0; from < e.transitions(); from += cut, cut = cut % 23 + 5) {
        FitScorer s = new FitScorer(model);
        s.add(e, from, Math.min(e.transitions(), from + cut));
        parts.add(roundTrip(s.part()));
      }
    }
    assertTrue(parts.size() > 10);
    assertSameData(onePass, FitData.of(model, parts));
    assertSameData(onePass, FitData.precompute(model, TRAIN, ProgressListener.NONE, Parallelism.of(3)));
  }

  @Test
  void creationPartsMergeToTheDataOfOnePass() throws Exception {
    List<Episode> train = CreationFitTest.episodes(4, 4, 50);
    WorldModel model = new WorldModel(CreationFitTest.WORLD, CreationFitTest.laws(), new double[] {1.3, 2, 1, 0.4},
        ModelOptions.defaults(), Floor.of(Map.of(Floor.SPAWN, 0.05)));
    FitData onePass = FitData.precompute(model, train, ProgressListener.NONE);
    List<FitPart> parts = new ArrayList<>();
    for (Episode e : train) {
      for (int from = 0; from < e.transitions(); from += 9) {
        FitScorer s = new FitScorer(model);
        s.add(e, from, Math.min(e.transitions(), from + 9));
        parts.add(roundTrip(s.part()));
      }
    }
    FitData merged = FitData.of(model, parts);
    assertEquals(1, merged.chances());
    assertSameData(onePass, merged);
  }

  @Test
  void fitOnThreadsGivesTheWeightsOfOneThread() {
    WorldModel model = WorldModel.of(ToyPong.WORLD, ToyPong.laws()).withFloor(Floor.defaults());
    FitData data = FitData.precompute(model, TRAIN, ProgressListener.NONE);
    FitResult one = new Fitter().fit(model, data);
    FitResult three = new Fitter().parallel(Parallelism.of(3)).fit(model, data);
    assertArrayEquals(one.weights(), three.weights(), 0);
    assertEquals(one.trainNll(), three.trainNll(), 0);
    assertEquals(one.iterations(), three.iterations());
    assertEquals(one.floor().values(), three.floor().values());
  }

  @Test
  void chunkSumsAddUpToTheObjective() {
    WorldModel model = WorldModel.of(ToyPong.WORLD, ToyPong.laws()).withFloor(Floor.defaults());
    FitData data = FitData.precompute(model, TRAIN, ProgressListener.NONE);
    double[] eps = Floor.defaults().epsilons(ToyPong.WORLD);
    Objective objective = new Objective(data, 0, eps, false);
    double[] x = new double[objective.dimension()];
    java.util.Arrays.fill(x, 0.7);
    LikelihoodTerms terms = new LikelihoodTerms(data, eps, x.length, x.length, null);
    double sum = data.constant();
    for (int c = 0; c < terms.chunks(); c++) {
      sum += terms.chunk(c, x, false)[0];
    }
    assertEquals(objective.meanLogLikelihood(x, null), sum / data.transitions(), 1e-12);
  }

  static FitPart roundTrip(FitPart part) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(part);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (FitPart) in.readObject();
    }
  }

  static void assertSameData(FitData a, FitData b) {
    assertEquals(a.transitions, b.transitions);
    assertEquals(a.constant, b.constant, 0);
    assertEquals(a.targets, b.targets);
    assertEquals(a.observedTargets, b.observedTargets);
    assertArrayEquals(a.targetCount, b.targetCount, 0);
    assertArrayEquals(a.targetClassStart, b.targetClassStart);
    assertArrayEquals(a.observedClass, b.observedClass);
    assertArrayEquals(a.classLogMultiplicity, b.classLogMultiplicity, 0);
    assertArrayEquals(a.classFeatStart, b.classFeatStart);
    assertArrayEquals(a.featLaw, b.featLaw);
    assertArrayEquals(a.featVal, b.featVal, 0);
    assertArrayEquals(a.targetChannelStart, b.targetChannelStart);
    assertArrayEquals(a.targetChannels, b.targetChannels);
    assertArrayEquals(a.targetLogSize, b.targetLogSize, 0);
    assertArrayEquals(a.channelTargets, b.channelTargets);
    assertEquals(a.creations, b.creations);
    assertArrayEquals(a.creationCount, b.creationCount, 0);
    assertArrayEquals(a.creationAppeared, b.creationAppeared);
    assertArrayEquals(a.creationEntryStart, b.creationEntryStart);
    assertArrayEquals(a.entryLaw, b.entryLaw);
    assertArrayEquals(a.entryChance, b.entryChance);
    assertArrayEquals(a.entryShare, b.entryShare, 0);
    assertArrayEquals(a.entryLogNot, b.entryLogNot, 0);
    assertArrayEquals(a.chanceLaw, b.chanceLaw);
    assertArrayEquals(a.chanceOrdinal, b.chanceOrdinal);
    assertArrayEquals(a.chanceStart, b.chanceStart, 0);
  }
}
