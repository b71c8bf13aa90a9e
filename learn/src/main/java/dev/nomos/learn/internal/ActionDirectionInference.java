package dev.nomos.learn.internal;

import dev.nomos.learn.ActionDirections;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds actions that name a direction: a type whose objects, whenever they moved along one axis
 * under an action, moved toward one side fixed by that action, different actions toward different
 * sides, and nearly all of whose moves happen under such actions. Random movers (every side under
 * every action) and objects that move whatever the action (a missile flying up) show none.
 */
public final class ActionDirectionInference {

  private ActionDirectionInference() {}

  /** The best supported directions, or {@link ActionDirections#NONE}. */
  public static ActionDirections infer(WorldSchema schema, List<Episode> episodes) {
    int actions = schema.actions().size();
    if (actions == 0 || schema.types().isEmpty()) {
      return ActionDirections.NONE;
    }
    // moves[type][action][side], and each type's step lengths.
    int[][][] moves = new int[schema.types().size()][actions][4];
    List<Map<Integer, Integer>> steps = new java.util.ArrayList<>();
    for (int t = 0; t < schema.types().size(); t++) {
      steps.add(new TreeMap<>());
    }
    for (Episode episode : episodes) {
      List<Frame> frames = episode.frames();
      for (int k = 0; k + 1 < frames.size(); k++) {
        count(frames.get(k), frames.get(k + 1), moves, steps);
      }
    }
    ActionDirections best = ActionDirections.NONE;
    int bestSupport = 0;
    for (EntityType type : schema.types()) {
      Map<Integer, int[]> byAction = new TreeMap<>();
      for (int a = 0; a < actions; a++) {
        byAction.put(a, moves[type.index()][a]);
      }
      SideVotes.Sides found = SideVotes.read(byAction);
      if (found == null || found.agreeing() <= bestSupport) {
        continue;
      }
      TreeMap<Integer, Integer> sides = found.byKey();
      Map<Integer, String> literals = new HashMap<>();
      for (Integer a : sides.keySet()) {
        literals.put(a, schema.actions().get(a));
      }
      best = new ActionDirections(type.name(), sides, literals, SideVotes.usualStep(steps.get(type.index())));
      bestSupport = found.agreeing();
    }
    return best;
  }

  private static void count(Frame a, Frame b, int[][][] moves, List<Map<Integer, Integer>> steps) {
    int action = a.action();
    if (action < 0 || action >= moves[0].length) {
      return; // an action the world does not declare: no law can name it
    }
    for (int i : a.all()) {
      int j = b.indexOfId(a.id(i));
      if (j < 0) {
        continue;
      }
      int dx = b.x(j) - a.x(i);
      int dy = b.y(j) - a.y(i);
      int side = SideVotes.sideOfMove(dx, dy);
      if (side < 0) {
        continue;
      }
      moves[a.type(i)][action][side]++;
      steps.get(a.type(i)).merge(Math.abs(dx) + Math.abs(dy), 1, Integer::sum);
    }
  }

}
