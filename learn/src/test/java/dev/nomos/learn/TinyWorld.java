package dev.nomos.learn;

import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.List;

/** A two-type world and a bounce transition for proposer tests. */
final class TinyWorld {
  static final String SOURCE = """
      world Tiny {
        screen 40 x 40
        velocity -5..5
        actions NOOP, UP
        entity Ball
        entity Wall
      }
      """;
  static final WorldSchema SCHEMA = new WorldSchema("Tiny", 40, 40, -5, 5, List.of("NOOP", "UP"),
      List.of(new EntityType("Ball", 0, List.of()), new EntityType("Wall", 1, List.of())));

  private TinyWorld() {}

  /** The ball moves up at -2, touches the wall above it, and bounces to +2. */
  static Transition bounce() {
    Frame t0 = Frame.builder(SCHEMA).add(1, 0, 10, 7, 2, 2).add(2, 1, 0, 0, 40, 2).action(0).build();
    Frame t1 = Frame.builder(SCHEMA).add(1, 0, 10, 5, 2, 2).add(2, 1, 0, 0, 40, 2).action(0).previous(t0).build();
    Frame t2 = Frame.builder(SCHEMA).add(1, 0, 10, 3, 2, 2).add(2, 1, 0, 0, 40, 2).action(1).previous(t1).build();
    Frame t3 = Frame.builder(SCHEMA).add(1, 0, 10, 5, 2, 2).add(2, 1, 0, 0, 40, 2).previous(t2).build();
    return new Transition(2, t2, t3);
  }

  static ProposalRequest request(List<CurrentLaw> current) {
    Transition t = bounce();
    return new ProposalRequest(SCHEMA, SOURCE, current, List.of(t), new TransitionRenderer().render(List.of(t)), 5,
        ProposalRequest.Budget.UNLIMITED);
  }
}
