package dev.nomos.compiler.meaning;

import java.util.Map;

/** One-line explanations of the keywords, for editors and prompts (the full story is docs/language.md). */
final class KeywordDocs {
  private KeywordDocs() {}

  /** The largest law weight as the language writes it; here so that this table needs nothing else of the package. */
  static final String MAX_WEIGHT_TEXT = new java.math.BigDecimal(dev.nomos.runtime.model.ModelOptions.MAX_WEIGHT)
      .stripTrailingZeros().toPlainString();

  static final Map<String, String> DOCS = Map.ofEntries(
      Map.entry("use", "`use \"world.law\"`: take the world declared in another file (relative to this one)."),
      Map.entry("world", "`world Name { ... }`: the screen, velocity range, actions and entity types laws talk about."),
      Map.entry("screen", "`screen W x H`: the screen size in pixels; spawned objects are placed on it."),
      Map.entry("velocity", "`velocity lo..hi`: the support of vx and vy."),
      Map.entry("actions", "`actions A, B, ...`: the actions an agent can take, one per step."),
      Map.entry("entity", "`entity T { attr: int lo..hi, flag: bool, state: {a, b} }`: an object type and its extra attributes."),
      Map.entry("law", "`law name [weight w] { binders [when guard] then effects }`: one expert of the model."),
      Map.entry("constraint", "`constraint name { binders [when guard] then o.a == e  o.b in lo..hi }`: requirements "
          + "that every predicted and sampled frame t+1 meets; scoring renormalises each required target over the "
          + "values they allow. No weight."),
      Map.entry("def", "`def name(p: T, ...) = expr`: a named expression or condition, inlined wherever a law uses it "
          + "(no recursion)."),
      Map.entry("enum", "`enum Color { red, green }`: a symbol type of the world, declared once; attributes of that "
          + "type copy and compare their values."),
      Map.entry("floor", "`floor { channel eps ... }`: the weight of the uniform background mixed into every target of a "
          + "channel (alive, x, y, spawn, an extra attribute), written by `nomos fit`; 1e-5 where none is."),
      Map.entry("weight", "The law's weight in the product of experts (-" + MAX_WEIGHT_TEXT + ".."
          + MAX_WEIGHT_TEXT + "; `nomos fit` writes 0.." + MAX_WEIGHT_TEXT
          + "); negative: the law disfavours what it allows."),
      Map.entry("for", "`for x: T`: the law applies to every object of type T (every combination of distinct objects)."),
      Map.entry("on", "`on contact(a: A, b: B[, side: S][, cover: f])`: every pair touching at t."),
      Map.entry("when", "`when guard`: the law has an opinion only where the guard holds."),
      Map.entry("then", "`then effects`: what the law predicts for frame t+1."),
      Map.entry("destroy", "`destroy x`: x is gone at t+1 (same as `x.alive := false`)."),
      Map.entry("spawn", "`spawn T at (x, y)`: a new object of type T appears at t+1; `spawn T at PLACES with "
          + "probability p`: it appears with probability p at a place drawn from `one_of(...)`, `weighted(...)` or "
          + "`range((x0, y0), (x1, y1))`."),
      Map.entry("with", "`with probability p`: the creation happens with probability p (0 < p < 1) at t+1."),
      Map.entry("probability", "`with probability p` (written, kept by `nomos fit`) or `with probability fitted [p]` "
          + "(fitted by `nomos fit`, from p): how likely the creation is; several laws creating at one place are "
          + "independent causes."),
      Map.entry("fitted", "`with probability fitted [p]`: `nomos fit` fits the creation's probability and writes it "
          + "back here."),
      Map.entry("exists", "`exists o: T where cond`: some other object of type T satisfies cond."),
      Map.entry("count", "`count(T)`: objects of type T; `count o: T where cond`: those satisfying cond; "
          + "`count k in lo..hi: cond`: history steps where cond held."),
      Map.entry("all", "`all k in lo..hi: cond`: cond held at every one of those steps back (read with `@-k`)."),
      Map.entry("any", "`any k in lo..hi: cond`: cond held at some step back (read with `@-k`)."),
      Map.entry("action", "The action taken at t; `action@-k` is the one k steps back."),
      Map.entry("step", "The step index of frame t within its episode (the recorded t of the episode's first frame, "
          + "then one more per step)."),
      Map.entry("seq", "`x.a := seq(v0, v1, ...) after cond`: v0 if cond holds now, else v1 if it held one step ago, "
          + "...; no opinion when it held at none of those steps."),
      Map.entry("after", "`x.a := seq(v0, v1, ...) after cond`: the trigger, looked up now and at the steps before "
          + "(the most recent wins)."),
      Map.entry("one_of", "`x.a ~ one_of(v1, v2, ...)`: any of these values, equally likely."),
      Map.entry("range", "`x.a ~ range(lo, hi)`: any value from lo to hi inclusive, equally likely."),
      Map.entry("weighted", "`x.a ~ weighted(v1: p1, v2: p2)`: these values with these relative probabilities."),
      Map.entry("choose", "`choose { stay weight 0.8 | m.vx := 1 weight 0.1 | m.vy := 1, m.vx := 0 weight 0.1 }`: one "
          + "opinion on several targets of one object together; each alternative assigns some of them (the others "
          + "keep their value at t), optionally weighted; alternatives that give the same values add their weights."),
      Map.entry("next", "`next(cond)` in a constraint's `when` guard: cond read on the next frame (the most likely "
          + "one the laws predict), so the constraint binds where the objects will touch, not where they touch now."),
      Map.entry("stay", "`stay` in a `choose`: the alternative in which every target of the choice keeps its value at t."),
      Map.entry("if", "`if c then a else b`: a where c holds, otherwise b."),
      Map.entry("in", "`e in {a, b}` / `e in lo..hi`: membership in a set or an inclusive range."),
      Map.entry("not", "Negation; `e not in {...}` is the negated membership."));
}
