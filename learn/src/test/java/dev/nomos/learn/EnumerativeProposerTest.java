package dev.nomos.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nomos.compiler.Parser;
import dev.nomos.compiler.source.SourceFile;
import dev.nomos.runtime.AttributeSpec;
import dev.nomos.runtime.EntityType;
import dev.nomos.runtime.Frame;
import dev.nomos.runtime.WorldSchema;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnumerativeProposerTest {

  private static ProposalRequest request(WorldSchema schema, List<Transition> ts, int max, List<CurrentLaw> current) {
    return new ProposalRequest(schema, "", current, ts, "", max, ProposalRequest.Budget.UNLIMITED);
  }

  @Test
  void minesTheBounceWithItsSideAndGuardlessInertia() {
    Proposal p = new EnumerativeProposer().propose(request(TinyWorld.SCHEMA, List.of(TinyWorld.bounce()), 200, List.of()));
    List<String> keys = p.candidates().stream().map(LawText::key).toList();
    assertTrue(keys.contains("law{on contact(o:Ball,u:Wall,side:TOP)then o.vy:=-o.vy}"), keys.toString());
    assertTrue(keys.contains("law{for o:Ball then o.vx:=o.vx}"), keys.toString());
    assertFalse(keys.contains("law{for o:Ball then o.vy:=o.vy}"), "the ball's vy was not kept");
    for (String law : p.candidates()) {
      assertFalse(Parser.parse(new SourceFile("c.law", law)).hasErrors(), law);
    }
  }

  @Test
  void skipsLawsTheModelHasAndRespectsTheLimit() {
    String inertia = "law ball_keeps_vx {\n  for o: Ball\n  then o.vx := o.vx\n}";
    Proposal p = new EnumerativeProposer().propose(request(TinyWorld.SCHEMA, List.of(TinyWorld.bounce()), 3,
        List.of(new CurrentLaw("ball_keeps_vx", inertia, 1))));
    assertEquals(3, p.candidates().size());
    assertFalse(p.candidates().stream().map(LawText::key).anyMatch(LawText.key(inertia)::equals));
  }

  @Test
  void minesSymbolStateMachinesUnderActions() {
    WorldSchema schema = new WorldSchema("Grid", 5, 5, -1, 1, List.of("left", "right"),
        List.of(new EntityType("agent", 0, List.of(AttributeSpec.ofSymbols("dir", List.of("east", "south", "west", "north"))))),
        0);
    List<Transition> ts = new ArrayList<>();
    Frame prev = null;
    int dir = 0;
    for (int k = 0; k < 6; k++) {
      Frame f = Frame.builder(schema).add(1, 0, 2, 2, 1, 1, dir).action(0).previous(prev).build();
      if (prev != null) {
        ts.add(new Transition(k - 1, prev, f));
      }
      prev = f;
      dir = (dir + 3) % 4;
    }
    Proposal p = new EnumerativeProposer().propose(request(schema, ts, 500, List.of()));
    List<String> keys = p.candidates().stream().map(LawText::key).toList();
    assertTrue(keys.contains("law{for o:agent when action==left and o.dir==east then o.dir:=north}"), keys.toString());
    for (String law : p.candidates()) {
      assertFalse(Parser.parse(new SourceFile("c.law", law)).hasErrors(), law);
    }
  }

  @Test
  void isDeterministic() {
    ProposalRequest r = request(TinyWorld.SCHEMA, List.of(TinyWorld.bounce()), 50, List.of());
    assertEquals(new EnumerativeProposer().propose(r).candidates(), new EnumerativeProposer().propose(r).candidates());
  }

  @Test
  void ranksTheCandidateWithFewerConditionsFirstAmongEqualScores() {
    Proposal p = new EnumerativeProposer().propose(request(TinyWorld.SCHEMA, List.of(TinyWorld.bounce()), 500, List.of()));
    int oneCondition = indexOf(p.candidates(), "when action == UP\n  then o.vy := 2");
    int twoConditions = indexOf(p.candidates(), "when (not exists f: Object where side(o, f) == BOTTOM) and "
        + "(not exists f: Object where side(o, f) == LEFT)\n  then o.vy := 2");
    assertTrue(oneCondition >= 0 && twoConditions >= 0, p.candidates().toString());
    assertTrue(oneCondition < twoConditions, oneCondition + " vs " + twoConditions);
  }

  @Test
  void proposesClosingAGapOnlyWhereItWasSeenAtMoreThanOneOffset() {
    WorldSchema schema = TinyWorld.SCHEMA;
    // The ball's next vy is always its offset to the wall plus 5: at offset -3 (twice) it moves +2.
    List<Transition> once = List.of(TinyWorld.bounce(), TinyWorld.bounce());
    Proposal p = new EnumerativeProposer().propose(request(schema, once, 500, List.of()));
    assertFalse(p.candidates().stream().anyMatch(c -> c.contains("o.vy := u.y - o.y + 5")), p.candidates().toString());
    // At offset -4 it moves +1: the same gap at a second offset is evidence of following.
    Frame t0 = Frame.builder(schema).add(1, 0, 10, 6, 2, 2).add(2, 1, 0, 0, 40, 2).action(0).build();
    Frame t1 = Frame.builder(schema).add(1, 0, 10, 4, 2, 2).add(2, 1, 0, 0, 40, 2).action(0).previous(t0).build();
    Frame t2 = Frame.builder(schema).add(1, 0, 10, 5, 2, 2).add(2, 1, 0, 0, 40, 2).previous(t1).build();
    List<Transition> twice = List.of(TinyWorld.bounce(), new Transition(1, t1, t2));
    Proposal q = new EnumerativeProposer().propose(request(schema, twice, 500, List.of()));
    assertTrue(q.candidates().stream().anyMatch(c -> c.contains("u.y - o.y in -4..-3\n  then o.vy := u.y - o.y + 5")),
        q.candidates().toString());
  }

  @Test
  void speaksOfTheObjectInFrontForEveryHeadingAndRanksItBeforeTheFixedSide() {
    List<Heading> headings = dev.nomos.learn.internal.HeadingInference.infer(HeadingWorld.SCHEMA,
        List.of(HeadingWorld.square()));
    List<Transition> ts = List.of(HeadingWorld.toggleFacingRight(), HeadingWorld.toggleFacingRight());
    ProposalRequest r = new ProposalRequest(HeadingWorld.SCHEMA, "", List.of(), ts, "", 2000,
        ProposalRequest.Budget.UNLIMITED, java.util.Set.of(), List.of(), headings);
    Proposal p = new EnumerativeProposer().propose(r);
    String inFront = "on contact(o: Lamp, u: Agent)\n  when " + headings.get(0).facing("u", "o")
        + " and action == TOGGLE\n  then o.lit := true";
    String fixedSide = "on contact(o: Lamp, u: Agent, side: LEFT)\n  when action == TOGGLE\n  then o.lit := true";
    int relative = indexOf(p.candidates(), inFront);
    int fixed = indexOf(p.candidates(), fixedSide);
    assertTrue(relative >= 0 && fixed >= 0, p.candidates().toString());
    assertTrue(relative < fixed, relative + " vs " + fixed);
    for (String law : p.candidates()) {
      var checked = dev.nomos.compiler.NomosCompiler.checkCandidates(HeadingWorld.SCHEMA, law, "c.law");
      assertFalse(checked.hasErrors(), law + checked.diagnostics());
    }
    // Without headings nothing speaks of what is in front.
    Proposal plain = new EnumerativeProposer().propose(request(HeadingWorld.SCHEMA, ts, 2000, List.of()));
    assertFalse(plain.candidates().stream().anyMatch(c -> c.contains(" or ")), plain.candidates().toString());
  }

  private static int indexOf(List<String> candidates, String part) {
    for (int k = 0; k < candidates.size(); k++) {
      if (candidates.get(k).contains(part)) {
        return k;
      }
    }
    return -1;
  }
}
