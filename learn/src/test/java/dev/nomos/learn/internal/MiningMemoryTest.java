package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.learn.ActionDirections;
import dev.nomos.learn.ShapesWorld;
import dev.nomos.learn.Timing;
import dev.nomos.learn.Transition;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.Parallelism;
import dev.nomos.runtime.trajectory.Episode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A miner that remembers transitions mined before ({@link MiningMemory}) adds them up again as
 * mining them afresh would: every candidate with its name, target, counts (where the model is
 * wrong under this mining's predictions, not the earlier one's) and applicability, in the same
 * order, whatever was mined before, in which order, by how many minings at once.
 */
class MiningMemoryTest {
  private static final List<Episode> EPISODES = List.of(ShapesWorld.walledGridWalk(5, 60), ShapesWorld.shots(40),
      ShapesWorld.randomLaying(5, 40), ShapesWorld.edgeWalkers(30), ShapesWorld.march(30));
  /** The clocks read off all the data once, as the learner does: the same setup for every mining. */
  private static final Timing TIMING = Timing.infer(ShapesWorld.SCHEMA, EPISODES);

  private static List<Transition> transitions(List<Episode> episodes) {
    List<Transition> out = new ArrayList<>();
    for (Episode e : episodes) {
      for (int k = 0; k + 1 < e.frames().size(); k++) {
        out.add(new Transition(out.size(), e.frames().get(k), e.frames().get(k + 1)));
      }
    }
    return out;
  }

  private static Miner miner() {
    return new Miner(ShapesWorld.SCHEMA, 6, List.of(), ActionDirections.NONE, TIMING);
  }

  /** Every candidate's text and counts, one line each, in the order the miner returns them. */
  private static String lines(List<Candidate> mined) {
    StringBuilder out = new StringBuilder();
    for (Candidate c : mined) {
      out.append(c.nameHint()).append(' ').append(c.group).append(' ').append(c.correct).append('/')
          .append(c.correctWhereWrong).append('/').append(c.applicable).append(' ').append(c.conditions())
          .append('\n').append(c.body()).append('\n');
    }
    return out.toString();
  }

  private static String afresh(List<Transition> transitions, List<Frame> predicted) {
    return lines(miner().mine(transitions, predicted, () -> false, null));
  }

  private static String remembering(MiningMemory memory, List<Transition> transitions, List<Frame> predicted,
      BooleanSupplier stop, Parallelism workers) {
    return lines(miner().remembering(memory).mine(transitions, predicted, stop, workers));
  }

  /** The model's guess "nothing changes" for every {@code every}-th transition, unknown for the others. */
  private static List<Frame> nothingChanges(List<Transition> transitions, int every) {
    List<Frame> out = new ArrayList<>();
    for (int k = 0; k < transitions.size(); k++) {
      Transition t = transitions.get(k);
      out.add(k % every == 0 ? t.before() : t.after());
    }
    return out;
  }

  @Test
  void rememberedTransitionsAddUpAsMinedAfresh() {
    List<Transition> all = transitions(EPISODES);
    MiningMemory memory = new MiningMemory();
    List<Transition> first = all.subList(0, 2 * all.size() / 3);
    assertEquals(afresh(first, nothingChanges(first, 2)), remembering(memory, first, nothingChanges(first, 2),
        () -> false, null));
    // A later round: another order, some remembered and some new, other predictions.
    List<Transition> later = new ArrayList<>(all.subList(all.size() / 3, all.size()));
    Collections.reverse(later);
    List<Frame> predicted = nothingChanges(later, 3);
    String fresh = afresh(later, predicted);
    assertTrue(fresh.lines().count() > 100, "too few candidates to tell anything: " + fresh.lines().count());
    assertEquals(fresh, remembering(memory, later, predicted, () -> false, null));
  }

  @Test
  void rememberedTransitionsAreNotMinedAgain() {
    List<Transition> all = transitions(EPISODES);
    List<Frame> predicted = nothingChanges(all, 2);
    MiningMemory memory = new MiningMemory();
    // Mining stops before every transition it would mine: with nothing remembered, nothing is mined...
    assertEquals("", remembering(memory, all, predicted, () -> true, null));
    remembering(memory, all, nothingChanges(all, 5), () -> false, null);
    // ...and with everything remembered, nothing needs mining.
    assertEquals(afresh(all, predicted), remembering(memory, all, predicted, () -> true, null));
  }

  @Test
  void otherFramesUnderTheSameIndexAreMinedAgain() {
    MiningMemory memory = new MiningMemory();
    List<Transition> walk = transitions(List.of(ShapesWorld.walledGridWalk(7, 60)));
    remembering(memory, walk, List.of(), () -> false, null);
    List<Transition> others = transitions(List.of(ShapesWorld.walledGridWalk(8, 60)));
    assertEquals(afresh(others, List.of()), remembering(memory, others, List.of(), () -> false, null));
  }

  @Test
  void miningsAtOnceShareTheMemory() {
    List<Transition> all = transitions(EPISODES);
    List<List<Transition>> runs = List.of(all.subList(0, 2 * all.size() / 3), all.subList(all.size() / 3, all.size()),
        all);
    List<List<Frame>> predicted = List.of(nothingChanges(runs.get(0), 2), nothingChanges(runs.get(1), 3),
        nothingChanges(runs.get(2), 4));
    List<String> expected = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      expected.add(afresh(runs.get(r), predicted.get(r)));
    }
    MiningMemory memory = new MiningMemory();
    try (Parallelism workers = Parallelism.of(3)) {
      List<String> mined = workers.map(List.of(0, 1, 2),
          r -> remembering(memory, runs.get(r), predicted.get(r), () -> false, workers));
      assertEquals(expected, mined);
    }
  }
}
