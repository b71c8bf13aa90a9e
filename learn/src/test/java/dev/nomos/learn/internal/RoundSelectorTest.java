package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nomos.learn.internal.RoundSelector.Scored;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundSelectorTest {

  @Test
  void theLowestValidationNllWinsEvenIfItIsNotTheLastRound() {
    List<Scored> rounds = List.of(new Scored(0.001, 1, 10, 0.90, 0.5), new Scored(0.001, 2, 20, 0.96, 0.3),
        new Scored(0.001, 3, 30, 0.96, 0.4), new Scored(0.003, 1, 8, 0.93, 0.6));
    assertEquals(1, RoundSelector.best(rounds));
  }

  @Test
  void tiesGoToTheHigherAccuracyThenFewerLawsThenTheEarlierRound() {
    assertEquals(1, RoundSelector.best(List.of(new Scored(0.001, 1, 10, 0.94, 0.4), new Scored(0.003, 4, 40, 0.95, 0.4))));
    assertEquals(1, RoundSelector.best(List.of(new Scored(0.001, 1, 10, 0.95, 0.4), new Scored(0.003, 4, 9, 0.95, 0.4))));
    assertEquals(0, RoundSelector.best(List.of(new Scored(0.001, 2, 10, 0.95, 0.4), new Scored(0.001, 3, 10, 0.95, 0.4))));
  }

  @Test
  void aModelWithoutAScoreLosesToOneWithIt() {
    assertEquals(1, RoundSelector.best(List.of(new Scored(0.001, 1, 1, 0.9, Double.NaN), new Scored(0.001, 2, 2, 0.5, 0.9))));
    assertEquals(1, RoundSelector.best(List.of(new Scored(0.001, 1, 1, Double.NaN, 0.4), new Scored(0.001, 2, 2, 0.5, 0.4))));
    assertThrows(IllegalArgumentException.class, () -> RoundSelector.best(List.of()));
  }
}
