package dev.nomos.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.Compilation;
import dev.nomos.compiler.NomosCompiler;
import dev.nomos.compiler.goal.GoalCompilation;
import dev.nomos.compiler.goal.GoalCompiler;
import dev.nomos.worlds.WorldGoals;
import dev.nomos.worlds.Worlds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each built-in world's default goal checks against that world's declaration in examples/. */
class WorldGoalsTest {
  @Test
  void everyDefaultGoalChecksAgainstItsWorld() {
    int checked = 0;
    for (String world : Worlds.names()) {
      String goal = WorldGoals.of(world).orElse(null);
      Path declaration = ExamplesMetricsTest.EXAMPLES.resolve(world).resolve("world.law");
      if (goal == null) {
        continue;
      }
      assertTrue(Files.isRegularFile(declaration), declaration + " missing");
      Compilation c = NomosCompiler.compile(List.of(declaration));
      GoalCompilation g = GoalCompiler.compile(c.schema(), goal, world + " goal");
      assertNotNull(g.goal(), world + ": " + g.diagnostics());
      checked++;
    }
    assertTrue(checked == Worlds.names().size(), "every built-in world has a goal: " + checked + " of " + Worlds.names());
    assertTrue(GoalCompiler.compile(NomosCompiler.compile(List.of(ExamplesMetricsTest.EXAMPLES.resolve("sokoban/world.law")))
        .schema(), WorldGoals.of("sokoban").orElseThrow(), "g").goal().coverageOnly(), "sokoban's goal gets the estimate");
    assertFalse(WorldGoals.of("no such world").isPresent());
  }
}
