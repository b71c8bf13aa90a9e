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
}
