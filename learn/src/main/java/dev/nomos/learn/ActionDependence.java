package dev.nomos.learn;

import dev.nomos.learn.internal.ActionDependenceInference;
import dev.nomos.runtime.WorldSchema;
import dev.nomos.runtime.trajectory.Episode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The entity types whose own changes (moves and attribute changes; not appearing or vanishing)
 * show no sign of depending on the action, read off the data: a GVGAI monster that wanders at
 * random whatever the player presses. The proposer does not condition such a type's changes on the
 * action: on a few hundred transitions some action always happens to go with some random step, and
 * a law saying so is wrong on every new level. Appearing and vanishing are left out of the test
 * (a monster struck by the player's sword vanishes on USE, a few times in a whole recording).
 *
 * @param independent the names of the types the data shows changing often without the action
 *     mattering (see {@code docs/learning.md} for the test)
 */
public record ActionDependence(Set<String> independent) {

  /** Nothing known: every type's changes may depend on the action. */
  public static final ActionDependence UNKNOWN = new ActionDependence(Set.of());

  public ActionDependence {
    independent = Set.copyOf(new TreeSet<>(independent));
  }

  /** What {@code episodes} show. */
  public static ActionDependence infer(WorldSchema schema, List<Episode> episodes) {
    return new ActionDependence(ActionDependenceInference.independentTypes(schema, episodes));
  }

  /** Whether changes of objects of {@code type} may depend on the action. */
  public boolean mayDependOnAction(String type) {
    return !independent.contains(type);
  }
}
