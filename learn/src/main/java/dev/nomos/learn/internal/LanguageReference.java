package dev.nomos.learn.internal;

import dev.nomos.compiler.meaning.LanguageDescriptor;
import java.util.stream.Collectors;

/**
 * The Nomos language reference an LLM reads before it writes laws: the syntax by example, and the
 * limits, built-in attributes and stdlib signatures (as the stdlib writes them) from the language's
 * descriptor, so the prompt cannot drift from what the checker accepts.
 */
public final class LanguageReference {
  private static final LanguageDescriptor LANGUAGE = LanguageDescriptor.get();

  private static final String SYNTAX = """
      # Nomos laws

      A law is one weighted expert of a product-of-experts world model. It reads frame t (and up to
      %d past frames) and states what attributes of frame t+1 may be. Laws are total: no loops, no
      recursion.

      law NAME {
        BINDERS          // for b: Ball   |   on contact(b: Ball, w: Wall[, side: TOP][, cover: 0.5])
        [when GUARD]     // a bool expression over frame t
        then EFFECTS     // one or more, separated by whitespace or ;
      }

      Binders: `for x: T` binds every object of type T (several: `for a: A, b: B`, distinct objects);
      `on contact(a: A, b: B, side: S, cover: P)` binds pairs touching at t, where S is the side of a
      that b touches (TOP, BOTTOM, LEFT, RIGHT) and P the minimum fraction (0..1) of that side covered.
      `Object` ranges over every type. At most %d bound objects per law.
      Attributes: %s, and the entity's declared extras (vx, vy: displacement over the last step).
      `b.vy@-2` reads 2 steps back; `action@-1` too.
      Time: `step` is the step index in the episode (`step %% 16 == 0`); `age(o)` the steps since o
      appeared; `present(o)@-k` whether o has been there since k steps ago; functions of objects
      read at an earlier frame with `@-k` (`touching(p, w)@-1`, `side(b, w)@-2 == TOP`; false/NONE
      where an object was not there yet); quantifiers too, over that frame's objects:
      `(exists o: Object where touching(p, o))@-1`, `(count o: T where ...)@-2`, `count(T)@-1`.
      Guards: arithmetic (+ - * / %%), comparisons, and/or/not, `if c then a else b`,
      `e in {A, B}`, `e in lo..hi`, `action == UP`, `action in {UP, DOWN}`,
      `exists o: T where cond`, `count o: T where cond`, `count(T)`,
      `all k in 1..5: p.vy@-k == 0` (also `any`, `count`), stdlib calls (below).
      Symbols are bare names: `d.state == open`, `side(b, w) == TOP`.
      Effects (they predict frame t+1):
        b.vy := -b.vy                  exact value (vx/vy predict the next position: y' = y + vy')
        b.x := 10                      absolute next position (x, y); extras: d.state := open
        p.vy ~ one_of(-6, -5)          any of these values
        p.vx ~ range(-2, 2)            any value in the range
        p.vy ~ weighted(-6: 0.3, -5: 0.7)
        choose { stay weight 0.6 | m.vx := 1 weight 0.1 | m.vx := -1 weight 0.1
               | m.vy := 1 weight 0.1 | m.vy := -1 weight 0.1 }
                                       one opinion on several targets of one object together:
                                       each alternative assigns some (the rest keep their value
                                       at t; `stay` assigns none); weights on all or none;
                                       alternatives with equal values add their weights
        m.vx ~ weighted(-1: if blocked_left then 0 else 1, 1: 1)
                                       weights are decimals or int expressions read at t;
                                       a weight of 0 or less rules its value out in that frame
        destroy k                      k is gone at t+1
        spawn Bullet at (p.x, p.y - 4) a new object appears
        spawn Bomb at (e.x, e.y + 1) with probability fitted
                                       appears at random (probability fitted to the data; or
                                       written: `with probability 0.05`, strictly in (0, 1))
        spawn Bee at one_of((h.x, h.y + 1), (h.x + 1, h.y)) with probability 0.2
                                       at one of these places (also `weighted((x, y): w, ...)`,
                                       `range((x0, y0), (x1, y1))`); laws creating at one place are
                                       independent causes
        reward := 1                    the reward of this step (what the action at t earns; an int,
                                       any effect form: reward ~ one_of(1, 2), reward := k.points)
        end := true                    the episode ends at t+1 (the game's end, never a time limit)
                                       reward and end are written bare, without an object; a law that
                                       states neither leaves them to the others (no reward, no end)
        p.vy := seq(-6, -4, 0) after action == UP and touching(p, g)
                                       -6 if the trigger holds now, -4 if it held 1 step ago, 0 if 2
                                       (the latest trigger wins; no opinion past the list; an
                                       `exists`/`count` in it ranges over each earlier frame's objects)
      Constraints: a model may also hold hard rules on frame t+1, with binders and a guard as a
      law's and requirements `o.a == e` or `o.a in lo..hi` (also on left, right, top, bottom, cx,
      cy), e.g. `constraint on_rope { on contact(p: Player, r: Rope) then p.cx == r.cx }`; a guard
      `when next(touching(p, r))` decides on the most likely next frame instead of t. Every
      prediction meets them and each required target is renormalised over the values they allow.
      They have no weight and are written by people: propose laws only, never a `constraint`.
      Symbol types: attributes declared with one `enum` of the world (`color: Color`) share their
      symbols, so values copy and compare across them: `a.carrying_color := k.color`.
      Hand-written models may also use `def name(p: T, ...) = expr` (named expressions, inlined) and
      `law name for T in {A, B} { ... }` (one law per case, named `name[A]`); in your proposals
      write each law out in full, with no `def` and no cases.
      Holes: write `?` for an integer constant, `side: ?` or `cover: ?` you cannot pin down; the
      learner fits them on the data.

      Example:
      law ball_bounces_off_wall {
        on contact(b: Ball, w: Wall, side: TOP)
        when b.vy < 0
        then b.vy := -b.vy
      }
      """;

  private LanguageReference() {}

  /** The reference, its limits, attributes and functions read from the language's descriptor. */
  public static String text() {
    String attributes = LANGUAGE.attributes().stream().filter(LanguageDescriptor.Attribute::readable)
        .map(LanguageDescriptor.Attribute::name).collect(Collectors.joining(", "));
    String syntax = String.format(java.util.Locale.ROOT, SYNTAX, LANGUAGE.limits().maxHistory(),
        LANGUAGE.limits().maxBoundObjects(), attributes);
    String functions = LANGUAGE.functions().stream().map(f -> "  " + f.signature() + "   " + f.doc())
        .collect(Collectors.joining("\n"));
    return syntax + "\nStandard functions:\n" + functions + "\n";
  }
}
