package dev.nomos.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionRendererTest {

  @Test
  void rendersVelocityFlipWithContactSideAndAction() {
    String text = new TransitionRenderer().render(TinyWorld.bounce());
    assertTrue(text.startsWith("[2] action UP (previous NOOP)\n"), text);
    assertTrue(text.contains("Ball#1 (10,3) v=(0,-2) -> (10,5) v=(0,2) vy -2->2; touches Wall#2 on its TOP"), text);
    assertFalse(text.contains("Wall#2 ("), "a static, unchanged wall gets no line of its own: " + text);
  }

  @Test
  void isDeterministic() {
    List<Transition> ts = List.of(TinyWorld.bounce(), TinyWorld.bounce());
    assertEquals(new TransitionRenderer().render(ts), new TransitionRenderer().render(ts));
  }

  @Test
  void rendersAttributeStateChangesDestroyedAndNewObjects() {
    dev.nomos.runtime.WorldSchema schema = new dev.nomos.runtime.WorldSchema("Grid", 5, 5, -1, 1, List.of("TOGGLE"),
        List.of(new dev.nomos.runtime.EntityType("Agent", 0,
                List.of(dev.nomos.runtime.AttributeSpec.ofInt("dir", 0, 3), dev.nomos.runtime.AttributeSpec.ofBool("carrying"))),
            new dev.nomos.runtime.EntityType("Door", 1,
                List.of(dev.nomos.runtime.AttributeSpec.ofSymbols("state", List.of("open", "closed", "locked")))),
            new dev.nomos.runtime.EntityType("Key", 2, List.of())), 0);
    dev.nomos.runtime.Frame t0 = dev.nomos.runtime.Frame.builder(schema).add(1, 0, 1, 1, 1, 1, 0, 1)
        .add(2, 1, 2, 1, 1, 1, 2).add(3, 2, 1, 2, 1, 1).action(0).build();
    dev.nomos.runtime.Frame t1 = dev.nomos.runtime.Frame.builder(schema).add(1, 0, 1, 1, 1, 1, 0, 1)
        .add(2, 1, 2, 1, 1, 1, 0).add(4, 2, 3, 3, 1, 1).previous(t0).build();
    String text = new TransitionRenderer().render(new Transition(7, t0, t1));
    assertTrue(text.contains("Door#2 {state=locked} (2,1) v=(0,0) -> (2,1) v=(0,0) state locked->open; touches Agent#1 on its LEFT"),
        text);
    assertTrue(text.contains("Key#3 at (1,2) v=(0,0) is destroyed; touches Agent#1 on its TOP"), text);
    assertTrue(text.contains("new Key#4 at (3,3); nearest at t: Door#2 at (2,1)"), text);
  }
}
