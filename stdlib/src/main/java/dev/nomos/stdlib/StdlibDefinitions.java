package dev.nomos.stdlib;

import static dev.nomos.stdlib.ParamType.BOOL;
import static dev.nomos.stdlib.ParamType.INT;
import static dev.nomos.stdlib.ParamType.OBJECT;
import static dev.nomos.stdlib.ParamType.SIDE;
import static dev.nomos.stdlib.ParamType.TYPE;

import dev.nomos.stdlib.StdlibFunction.Param;
import java.util.List;

/** The signatures and docs of every stdlib function, bound to their Java implementations. */
final class StdlibDefinitions {
  private StdlibDefinitions() {}

  static List<StdlibFunction> all() {
    return List.of(
        fn("abs", INT, "Absolute value.", Arithmetic.class, "abs", p("v", INT)),
        fn("min", INT, "The smaller of two ints.", Arithmetic.class, "min", p("a", INT), p("b", INT)),
        fn("max", INT, "The larger of two ints.", Arithmetic.class, "max", p("a", INT), p("b", INT)),
        fn("clamp", INT, "v limited to lo..hi (lo wins if lo > hi).", Arithmetic.class, "clamp",
            p("v", INT), p("lo", INT), p("hi", INT)),
        fn("sign", INT, "-1, 0 or 1: the sign of v.", Arithmetic.class, "sign", p("v", INT)),
        fn("overlap", BOOL, "Whether the boxes of a and b share at least one pixel.", Geometry.class, "overlap",
            p("a", OBJECT), p("b", OBJECT)),
        fn("touching", BOOL, "Whether a and b are in contact: overlapping, or side by side within the "
            + "world's contact gap (1 px unless the world sets contact_gap).", Geometry.class, "touching",
            p("a", OBJECT), p("b", OBJECT)),
        fn("contact", BOOL, "Same as touching(a, b).", Geometry.class, "touching", p("a", OBJECT), p("b", OBJECT)),
        fn("side", SIDE, "The side of a (TOP, BOTTOM, LEFT, RIGHT) that b touches; NONE if not touching.",
            Geometry.class, "side", p("a", OBJECT), p("b", OBJECT)).absentAs(Side.NONE.ordinal()),
        fn("cover", INT, "Percentage (0..100) of the touched side of a that b covers; 0 if not touching.",
            Geometry.class, "cover", p("a", OBJECT), p("b", OBJECT)),
        fn("distance", INT, "Manhattan distance between the centres (x + w/2, y + h/2) of a and b.",
            Geometry.class, "distance", p("a", OBJECT), p("b", OBJECT)).absentAs(-1),
        fn("nearest_distance", INT, "Distance (as `distance`) from a to the nearest other object of type t "
            + "(`Object`: any type); -1 if there is none.", Geometry.class, "nearestDistance",
            p("a", OBJECT), p("t", TYPE)).absentAs(-1),
        fn("nearest_dx", INT, "Horizontal offset from the centre of a to the centre of the nearest other object "
            + "of type t (positive: to the right); 0 if there is none.", Geometry.class, "nearestDx",
            p("a", OBJECT), p("t", TYPE)),
        fn("nearest_dy", INT, "Vertical offset from the centre of a to the centre of the nearest other object "
            + "of type t (positive: below); 0 if there is none.", Geometry.class, "nearestDy",
            p("a", OBJECT), p("t", TYPE)),
        fn("age", INT, "Steps since o appeared: 0 in the frame where it is first present (and for objects "
            + "already there in the first frame of the recording), one more each step it stays.", Time.class, "age",
            p("o", OBJECT)).absentAs(-1),
        fn("present", BOOL, "Whether o is there: true now, so use it as present(o)@-k, true when o has been "
            + "present in every frame from k steps ago to now.", Time.class, "present", p("o", OBJECT)));
  }

  private static Param p(String name, ParamType type) {
    return new Param(name, type);
  }

  private static StdlibFunction fn(String name, ParamType returns, String doc, Class<?> owner, String javaName,
      Param... params) {
    return new StdlibFunction(name, List.of(params), returns, doc, owner, javaName);
  }
}
