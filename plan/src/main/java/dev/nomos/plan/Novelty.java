package dev.nomos.plan;

import dev.nomos.runtime.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Where the agent has not been yet. A <em>situation</em> is an action taken by the acting object
 * together with what stands one and two of its steps ahead in that action's direction (the types of
 * the objects overlapping its box moved there). The agent remembers every situation it was in, from
 * earlier recordings and from its own steps, and where no plan reaches the goal it plans a way to a
 * situation it has never been in and takes that action there.
 *
 * <p>Why not only the least sure action ({@link Curiosity}): a model learned from random steps is
 * often sure of what it has never seen. After 500 random Sokoban steps no box was ever pushed onto
 * a goal, so the model is certain a box will not go there, no plan reaches the goal, and the least
 * sure action is some step in an open field. Trying each untried situation once (a box ahead with a
 * goal beyond, pushed in each direction) is what records the evidence the next model needs.
 *
 * <p>The acting object is found from the model ({@link ActingObject}); each action's direction is
 * the step it most often moves that object in the model's predictions from the start. Worlds without
 * a single acting object have no situations, and the agent explores by curiosity alone.
 */
public final class Novelty {
  /** An action and the sorted type indexes of the objects one step and two steps ahead of the actor. */
  public record Situation(int action, List<Integer> ahead, List<Integer> beyond) {
    public Situation {
      ahead = List.copyOf(ahead);
      beyond = List.copyOf(beyond);
    }
  }

  private final TransitionModel model;
  private final int actorType;
  private final int[][] directions;
  private final boolean positionsOnly;
  private final Set<Situation> seen = new HashSet<>();

  Novelty(TransitionModel model, int actorType, int[][] directions, boolean positionsOnly) {
    this.model = model;
    this.actorType = actorType;
    this.directions = directions;
    this.positionsOnly = positionsOnly;
  }

  /**
   * The novelty of a model's world, or empty when the model moves no single object by the actions
   * from {@code start}.
   *
   * @param positionsOnly the state keys of the search for a way to a new situation (see {@link StateKeys})
   */
  public static Optional<Novelty> of(TransitionModel model, Frame start, boolean positionsOnly) {
    OptionalInt actor = ActingObject.find(model, start);
    if (actor.isEmpty()) {
      return Optional.empty();
    }
    int type = start.type(start.indexOfId(actor.getAsInt()));
    return Optional.of(new Novelty(model, type, ActionDirections.of(model, start, actor.getAsInt()), positionsOnly));
  }

  /** The type index of the acting object. */
  public int actorType() {
    return actorType;
  }

  /** The step (dx, dy) the model most often moves the actor by with {@code action}; (0, 0) if it never does. */
  public int[] direction(int action) {
    return directions[action].clone();
  }

  /**
   * The situation of taking {@code action} in {@code frame}, or empty when the frame holds no actor
   * or more than one (no action is novel there).
   */
  public Optional<Situation> situation(Frame frame, int action) {
    int[] actors = frame.ofType(actorType);
    if (actors.length != 1) {
      return Optional.empty();
    }
    int actor = actors[0];
    int dx = directions[action][0];
    int dy = directions[action][1];
    if (dx == 0 && dy == 0) {
      return Optional.of(new Situation(action, typesOverlapping(frame, actor, 0, 0), List.of()));
    }
    return Optional.of(new Situation(action, typesOverlapping(frame, actor, dx, dy),
        typesOverlapping(frame, actor, 2 * dx, 2 * dy)));
  }

  /** Remembers that {@code action} was taken in {@code frame}. */
  public void seen(Frame frame, int action) {
    situation(frame, action).ifPresent(seen::add);
  }

  /** Remembers every transition of a recorded episode (each frame but the last, with its action). */
  public void seenAll(List<Frame> episode) {
    for (int k = 0; k + 1 < episode.size(); k++) {
      if (episode.get(k).action() >= 0) {
        seen(episode.get(k), episode.get(k).action());
      }
    }
  }

  /** A step of the true world, for {@link Agent.TransitionObserver}. */
  public void observed(Frame from, int action, Frame to) {
    seen(from, action);
  }

  /** How many distinct situations were seen. */
  public int seenCount() {
    return seen.size();
  }

  /** The first action (in action order) whose situation in {@code frame} was never seen. */
  public OptionalInt novelAction(Frame frame) {
    for (int a = 0; a < directions.length; a++) {
      Optional<Situation> s = situation(frame, a);
      if (s.isPresent() && !seen.contains(s.get())) {
        return OptionalInt.of(a);
      }
    }
    return OptionalInt.empty();
  }

  /**
   * The shortest way under the model (breadth-first, within {@code limits}) to a frame with a novel
   * action, that action included as the last step; a plan of length 0 when none is reachable.
   */
  public Plan route(Frame start, SearchLimits limits) {
    Plan way = new GraphSearch(model, frame -> novelAction(frame).isPresent(), Heuristic.ZERO,
        GraphSearch.Strategy.BFS, positionsOnly).plan(start, limits);
    if (way.status() != Plan.Status.SOLVED) {
      return way;
    }
    Frame end = way.predicted().isEmpty() ? start : way.predicted().get(way.predicted().size() - 1);
    int action = novelAction(end).getAsInt();
    TransitionModel.Outcome last = model.mostLikely(end, action);
    int[] actions = Arrays.copyOf(way.actions(), way.length() + 1);
    actions[way.length()] = action;
    List<Frame> predicted = new ArrayList<>(way.predicted());
    predicted.add(last.next());
    return new Plan(Plan.Status.SOLVED, actions, predicted, way.logProbability() + last.logProbability(), 0,
        way.stats());
  }

  /** Sorted type indexes of the objects other than {@code actor} overlapping its box moved by (dx, dy). */
  private static List<Integer> typesOverlapping(Frame frame, int actor, int dx, int dy) {
    int x0 = frame.x(actor) + dx;
    int y0 = frame.y(actor) + dy;
    int x1 = x0 + Math.max(1, frame.w(actor));
    int y1 = y0 + Math.max(1, frame.h(actor));
    List<Integer> types = new ArrayList<>();
    for (int o = 0; o < frame.size(); o++) {
      if (o == actor) {
        continue;
      }
      int ox1 = frame.x(o) + Math.max(1, frame.w(o));
      int oy1 = frame.y(o) + Math.max(1, frame.h(o));
      if (frame.x(o) < x1 && x0 < ox1 && frame.y(o) < y1 && y0 < oy1) {
        types.add(frame.type(o));
      }
    }
    types.sort(null);
    return types;
  }
}
