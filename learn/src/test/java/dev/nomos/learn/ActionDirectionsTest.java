package dev.nomos.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.codegen.Engine;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.model.AttributeScore;
import dev.nomos.runtime.model.Evaluation;
import dev.nomos.runtime.model.Metrics;
import dev.nomos.runtime.model.ModelOptions;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.stdlib.Side;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Actions that name a direction: read off the data, and used by the proposer so that a push or a
 * block seen in some directions is one law for every direction.
 */
@Timeout(60)
class ActionDirectionsTest {
  /** Pushes to the right and up, each until the crate meets a block; a few free steps left and down. */
  static final Episode TRAIN = PushWorld.episode(2, 5, new int[][] {{4, 5}, {6, 3}}, new int[][] {{8, 5}, {6, 0}},
      "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "UP", "UP", "UP", "UP", "UP", "LEFT", "LEFT", "DOWN",
      "DOWN", "WAIT", "LEFT", "DOWN");
  /** Pushes to the left, which training never shows, until the crate meets a block. */
  static final Episode LEFTWARD = PushWorld.episode(6, 5, new int[][] {{4, 5}}, new int[][] {{1, 5}},
      "LEFT", "LEFT", "LEFT", "LEFT", "LEFT");

  @Test
  void theMoversMovesTellEachActionsDirection() {
    ActionDirections d = ActionDirections.infer(PushWorld.SCHEMA, List.of(TRAIN));
    assertEquals("Mover", d.type());
    assertEquals(Side.LEFT.ordinal(), d.sideOf(PushWorld.ACTIONS.indexOf("LEFT")));
    assertEquals(Side.RIGHT.ordinal(), d.sideOf(PushWorld.ACTIONS.indexOf("RIGHT")));
    assertEquals(Side.TOP.ordinal(), d.sideOf(PushWorld.ACTIONS.indexOf("UP")));
    assertEquals(Side.BOTTOM.ordinal(), d.sideOf(PushWorld.ACTIONS.indexOf("DOWN")));
    assertEquals(Side.NONE.ordinal(), d.sideOf(PushWorld.ACTIONS.indexOf("WAIT")));
    assertEquals("if action == LEFT then -1 else if action == RIGHT then 1 else 0", d.stepVelocity("x"));
    assertEquals(-1, d.stepVelocity(PushWorld.ACTIONS.indexOf("LEFT"), "x"));
    assertEquals("((action == LEFT and side(o, u) == RIGHT) or (action == RIGHT and side(o, u) == LEFT) or "
        + "(action == UP and side(o, u) == BOTTOM) or (action == DOWN and side(o, u) == TOP))", d.behind("o", "u"));
  }

  @Test
  void movesThatIgnoreTheActionShowNoDirections() {
    // The mover steps right under LEFT and under RIGHT alike.
    List<Frame> frames = new ArrayList<>();
    Frame previous = null;
    for (int k = 0; k < 8; k++) {
      Frame f = Frame.builder(PushWorld.SCHEMA).add(1, 0, k, 3, 1, 1).action(1 + k % 2).previous(previous).build();
      frames.add(f);
      previous = f;
    }
    Episode drift = new Episode(Path.of("drift.jsonl"), 0, frames, new int[frames.size()]);
    assertTrue(ActionDirections.infer(PushWorld.SCHEMA, List.of(drift)).isEmpty());
  }

  @Test
  void theProposerStatesThePushForEveryDirection() {
    ActionDirections d = ActionDirections.infer(PushWorld.SCHEMA, List.of(TRAIN));
    List<Transition> ts = new ArrayList<>();
    List<Frame> frames = TRAIN.frames();
    for (int k = 0; k + 1 < frames.size(); k++) {
      ts.add(new Transition(k, frames.get(k), frames.get(k + 1)));
    }
    ProposalRequest r = new ProposalRequest(PushWorld.SCHEMA, "", List.of(), ts, "", 5000,
        ProposalRequest.Budget.UNLIMITED, java.util.Set.of(), List.of(), List.of(), dev.nomos.runtime.Deadline.none(), d);
    List<String> candidates = new EnumerativeProposer().propose(r).candidates();
    String pushed = "on contact(o: Crate, u: Mover)\n  when " + d.behind("o", "u") + " and (not exists v: Object where "
        + d.ahead("o", "v") + ")\n  then o.vx := clamp(" + d.stepVelocity("x") + ", -o.x, 12 - o.w - o.x)\n}";
    assertTrue(candidates.stream().anyMatch(c -> c.endsWith(pushed)), pushed);
    String blocked = "on contact(o: Mover, u: Crate)\n  when " + d.ahead("o", "u") + " and (exists v: Block where "
        + d.ahead("u", "v") + ")\n  then o.vy := 0\n}";
    assertTrue(candidates.stream().anyMatch(c -> c.endsWith(blocked)), blocked);
    // The stop as one statement for both axes: seen pushing up, it holds pushing left as well.
    String stays = "on contact(o: Mover, u: Crate)\n  when " + d.ahead("o", "u") + " and (exists v: Block where "
        + d.ahead("u", "v") + ")\n  then o.vx := 0\n  o.vy := 0\n}";
    assertTrue(candidates.stream().anyMatch(c -> c.endsWith(stays)), stays);
    String pushedBothAxes = "\n  then o.vx := clamp(" + d.stepVelocity("x") + ", -o.x, 12 - o.w - o.x)\n  o.vy := clamp("
        + d.stepVelocity("y") + ", -o.y, 12 - o.h - o.y)\n}";
    assertTrue(candidates.stream().anyMatch(c -> c.contains("on contact(o: Crate, u: Mover)") && c.endsWith(pushedBothAxes)),
        pushedBothAxes);
  }

  @Test
  void theProposerStatesAStepInTheActionsDirectionUnlessABlockerStandsThere() {
    // The mover paces a 3x3 room walled by blocks and often walks into a wall.
    List<int[]> ring = new ArrayList<>();
    for (int k = 3; k <= 7; k++) {
      ring.add(new int[] {k, 3});
      ring.add(new int[] {k, 7});
      if (k > 3 && k < 7) {
        ring.add(new int[] {3, k});
        ring.add(new int[] {7, k});
      }
    }
    String[] moves = {"LEFT", "LEFT", "UP", "UP", "RIGHT", "RIGHT", "RIGHT", "DOWN", "DOWN", "DOWN", "LEFT", "LEFT",
        "LEFT", "UP", "RIGHT", "UP", "UP", "DOWN", "RIGHT", "RIGHT", "DOWN", "DOWN", "LEFT", "WAIT", "UP", "LEFT"};
    Episode room = PushWorld.episode(5, 5, new int[0][], ring.toArray(new int[0][]), moves);
    ActionDirections d = ActionDirections.infer(PushWorld.SCHEMA, List.of(room));
    List<Transition> ts = new ArrayList<>();
    for (int k = 0; k + 1 < room.frames().size(); k++) {
      ts.add(new Transition(k, room.frames().get(k), room.frames().get(k + 1)));
    }
    ProposalRequest r = new ProposalRequest(PushWorld.SCHEMA, "", List.of(), ts, "", 5000,
        ProposalRequest.Budget.UNLIMITED, java.util.Set.of(), List.of(), List.of(), dev.nomos.runtime.Deadline.none(), d);
    List<String> candidates = new EnumerativeProposer().propose(r).candidates();
    String step = "for o: Mover\n  then o.vx := if (exists w: Block where " + d.ahead("o", "w") + ") then 0 else clamp("
        + d.stepVelocity("x") + ", -o.x, 12 - o.w - o.x)\n}";
    assertTrue(candidates.stream().anyMatch(c -> c.endsWith(step)), step + " in " + candidates);
  }

  @Test
  void aPushOnlyEverSeenRightAndUpIsPredictedLeft() {
    // (The mover's stop against a blocked crate is not learned from these 18 transitions: offsets to
    // the crates that hold by chance explain it as well.)
    Learner learner = new Learner(PushWorld.SCHEMA, "", new NomosLawCompiler(PushWorld.SCHEMA, Engine.COMPILED),
        new EnumerativeProposer(), LearnOptions.enumerativeDefaults().withMaxIterations(4)
            .withMaxTime(Duration.ofSeconds(50)).withSelection(ModelSelection.OFF),
        ModelOptions.defaults(), LearnListener.NONE);
    // The same episode ten times: evidence enough for weights well above the penalty's pull.
    LearnResult result = learner.learn(java.util.Collections.nCopies(10, TRAIN), List.of(), List.of());
    Evaluation e = Metrics.evaluate(result.model(), List.of(LEFTWARD));
    AttributeScore crate = e.perType().get("Crate").attributes().get("x");
    assertTrue(crate.total() >= 2, "the crate moves twice");
    assertEquals(1.0, crate.accuracy(), 0, result.lawFile(""));
  }
}
