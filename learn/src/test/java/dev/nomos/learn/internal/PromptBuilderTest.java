package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.learn.HeadingWorld;
import dev.nomos.learn.ProposalRequest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptBuilderTest {

  private static ProposalRequest request(boolean withHeadings) {
    return new ProposalRequest(HeadingWorld.SCHEMA, "world Heads {}", List.of(),
        List.of(HeadingWorld.toggleFacingRight()), "(transitions)", 4, ProposalRequest.Budget.UNLIMITED, Set.of(),
        List.of(), withHeadings ? HeadingInference.infer(HeadingWorld.SCHEMA, List.of(HeadingWorld.square())) : List.of());
  }

  @Test
  void tellsTheModelWhichWayObjectsFaceWhenTheDataShowsIt() {
    String task = PromptBuilder.task(request(true));
    assertTrue(task.contains("`Agent.dir` tells which way the Agent faces (when it moves, it moves that way):"
        + " 0 = RIGHT, 1 = BOTTOM, 2 = LEFT, 3 = TOP."), task);
    assertTrue(task.contains("(o.dir == 2 and side(o, u) == LEFT)"), task);
    assertFalse(PromptBuilder.task(request(false)).contains("faces"));
  }
}
