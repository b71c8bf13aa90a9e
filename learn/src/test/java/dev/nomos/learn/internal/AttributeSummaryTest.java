package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AttributeSummaryTest {

  private static AttributeSummary ints(int... values) {
    AttributeSummary a = new AttributeSummary();
    for (int i = 0; i < values.length; i++) {
      assertNull(a.add(values[i]));
      if (i > 0) {
        a.change(values[i - 1], values[i]);
      }
    }
    return a;
  }

  @Test
  void intsStartAtZeroAndGrowByHalfTheirWidth() {
    assertEquals("int 0..3", ints(2, 1, 0, 2).declaration(), "a refilled counter is not cyclic");
    assertEquals("0..2", ints(2, 1, 0, 2).widened());
    assertEquals("int 0..15", ints(4, 10).declaration());
    assertEquals("int 0..1", ints(0).declaration(), "at least 1 of room");
    assertEquals("int -5..6", ints(-2, 3).declaration(), "negative values get room below too");
  }

  @Test
  void aValueThatWrapsBothWaysIsCyclicAndExact() {
    AttributeSummary heading = ints(0, 1, 2, 3, 0, 3);
    assertEquals("int 0..3", heading.declaration());
    assertNull(heading.widened());
    assertEquals("int 0..5", ints(0, 1, 2, 3, 0, 1).declaration(), "one way only could be a counter");
  }

  @Test
  void boolsAndSymbolsAndKindClashes() {
    AttributeSummary symbols = new AttributeSummary();
    symbols.add("open");
    symbols.add("locked");
    symbols.add("open");
    assertEquals("{open, locked}", symbols.declaration());
    assertEquals("holds an int here but a symbol before", symbols.add(3));
    AttributeSummary flag = new AttributeSummary();
    flag.add(true);
    assertEquals("bool", flag.declaration());
  }
}
