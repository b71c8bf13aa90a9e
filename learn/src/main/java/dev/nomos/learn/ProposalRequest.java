package dev.nomos.learn;

import dev.nomos.runtime.Deadline;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a proposer is asked: explain these surprising transitions of this world, given the laws the
 * model already has.
 *
 * @param schema the world's schema
 * @param worldSource the world declaration as source text (what an LLM reads)
 * @param currentLaws the model's laws with their fitted weights
 * @param surprising the transitions the model explains worst, worst first
 * @param renderedTransitions {@code surprising} rendered compactly by {@link TransitionRenderer}
 * @param maxCandidates how many candidate laws the proposer should return at most
 * @param remaining what the proposer may still spend on model calls and tokens
 * @param tried the canonical text of laws already tried and dropped; proposing them again is wasted
 * @param predicted the current model's most likely frame t+1 for each surprising transition, in the
 *     same order (empty when not known): it tells which targets the model gets wrong
 * @param headings the heading attributes the training data shows ({@link Heading}), at most one per
 *     entity type
 * @param deadline when the proposer should answer with what it has (the enumerative proposer mines
 *     the worst transitions first and stops there)
 * @param actionDirections the directions the training data shows the actions to name
 *     ({@link ActionDirections}), or {@link ActionDirections#NONE}
 * @param timing the clocks the training data shows ({@link Timing}), or null: the proposer then
 *     reads them off {@code surprising}
 * @param actionDependence the types whose changes the training data shows independent of the
 *     action ({@link ActionDependence}), or {@link ActionDependence#UNKNOWN}
 */
public record ProposalRequest(WorldSchema schema, String worldSource, List<CurrentLaw> currentLaws,
    List<Transition> surprising, String renderedTransitions, int maxCandidates, Budget remaining,
    Set<String> tried, List<Frame> predicted, List<Heading> headings, Deadline deadline,
    ActionDirections actionDirections, Timing timing, ActionDependence actionDependence) {

  public ProposalRequest(WorldSchema schema, String worldSource, List<CurrentLaw> currentLaws,
      List<Transition> surprising, String renderedTransitions, int maxCandidates, Budget remaining,
      Set<String> tried, List<Frame> predicted, List<Heading> headings, Deadline deadline,
      ActionDirections actionDirections, Timing timing) {
    this(schema, worldSource, currentLaws, surprising, renderedTransitions, maxCandidates, remaining, tried,
        predicted, headings, deadline, actionDirections, timing, ActionDependence.UNKNOWN);
  }

  public ProposalRequest(WorldSchema schema, String worldSource, List<CurrentLaw> currentLaws,
      List<Transition> surprising, String renderedTransitions, int maxCandidates, Budget remaining,
      Set<String> tried, List<Frame> predicted, List<Heading> headings, Deadline deadline,
      ActionDirections actionDirections) {
    this(schema, worldSource, currentLaws, surprising, renderedTransitions, maxCandidates, remaining, tried,
        predicted, headings, deadline, actionDirections, null);
  }

  public ProposalRequest(WorldSchema schema, String worldSource, List<CurrentLaw> currentLaws,
      List<Transition> surprising, String renderedTransitions, int maxCandidates, Budget remaining,
      Set<String> tried, List<Frame> predicted, List<Heading> headings, Deadline deadline) {
    this(schema, worldSource, currentLaws, surprising, renderedTransitions, maxCandidates, remaining, tried,
        predicted, headings, deadline, ActionDirections.NONE);
  }

  public ProposalRequest(WorldSchema schema, String worldSource, List<CurrentLaw> currentLaws,
      List<Transition> surprising, String renderedTransitions, int maxCandidates, Budget remaining,
      Set<String> tried, List<Frame> predicted, List<Heading> headings) {
    this(schema, worldSource, currentLaws, surprising, renderedTransitions, maxCandidates, remaining, tried,
        predicted, headings, Deadline.none());
  }

  public ProposalRequest(WorldSchema schema, String worldSource, List<CurrentLaw> currentLaws,
      List<Transition> surprising, String renderedTransitions, int maxCandidates, Budget remaining) {
    this(schema, worldSource, currentLaws, surprising, renderedTransitions, maxCandidates, remaining, Set.of(),
        List.of(), List.of());
  }

  public ProposalRequest(WorldSchema schema, String worldSource, List<CurrentLaw> currentLaws,
      List<Transition> surprising, String renderedTransitions, int maxCandidates, Budget remaining,
      Set<String> tried, List<Frame> predicted) {
    this(schema, worldSource, currentLaws, surprising, renderedTransitions, maxCandidates, remaining, tried,
        predicted, List.of());
  }

  public ProposalRequest {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(worldSource, "worldSource");
    currentLaws = List.copyOf(currentLaws);
    surprising = List.copyOf(surprising);
    Objects.requireNonNull(renderedTransitions, "renderedTransitions");
    Objects.requireNonNull(remaining, "remaining");
    tried = Set.copyOf(tried);
    predicted = List.copyOf(predicted);
    headings = List.copyOf(headings);
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(actionDirections, "actionDirections");
    Objects.requireNonNull(actionDependence, "actionDependence");
    if (maxCandidates <= 0) {
      throw new IllegalArgumentException("maxCandidates must be positive, got " + maxCandidates);
    }
  }

  /** The model-call and token allowance left for this proposal. */
  public record Budget(long calls, long tokens) {
    public static final Budget UNLIMITED = new Budget(Long.MAX_VALUE, Long.MAX_VALUE);
  }
}
