package dev.nomos.lsp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

class TextShiftTest {
  @Test
  void offsetsBeforeAnInsertionStayAndOffsetsAfterItMove() {
    String older = "law a {}\nlaw b {}\n";
    String current = "law a {}\nlaw new {}\nlaw b {}\n";
    TextShift shift = TextShift.between(older, current);
    assertEquals(3, shift.toOlder(3));
    assertEquals(older.indexOf("b {}"), shift.toOlder(current.indexOf("b {}")));
    assertEquals(current.indexOf("b {}"), shift.toCurrent(older.indexOf("b {}")));
    // The texts part after "law a {}\nlaw " (13 characters); an offset in what was typed goes there.
    assertEquals(13, shift.toOlder(current.indexOf("w {}")));
  }

  @Test
  void aDeletionAndAReplacementMapTheRestOfTheText() {
    TextShift deleted = TextShift.between("abc XYZ def", "abc def");
    assertEquals("abc XYZ def".indexOf("def"), deleted.toOlder("abc def".indexOf("def")));
    TextShift replaced = TextShift.between("x := 1 + y", "x := 22 + y");
    assertEquals("x := 1 + y".indexOf('y'), replaced.toOlder("x := 22 + y".indexOf('y')));
    assertEquals(5, replaced.toOlder(6));
  }

  @Test
  void rangesComeBackInTheLinesOfTheCurrentText() {
    String older = "law a { for b: Ball then b.vy := 0 }\n";
    String current = "// new line\n" + older;
    TextShift shift = TextShift.between(older, current);
    Range binder = new Range(new Position(0, 12), new Position(0, 13));
    assertEquals(new Range(new Position(1, 12), new Position(1, 13)), shift.toCurrent(binder));
  }

  @Test
  void repeatedTextDoesNotMakeThePrefixAndSuffixOverlap() {
    TextShift shift = TextShift.between("aaaa", "aaaaaa");
    assertEquals(4, shift.toOlder(6));
    assertEquals(0, shift.toOlder(0));
    assertEquals(6, shift.toCurrent(4));
  }
}
