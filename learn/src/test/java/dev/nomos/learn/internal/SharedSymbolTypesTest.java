package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which symbol attributes {@code nomos init} declares with one shared type, and how it names it. */
class SharedSymbolTypesTest {
  private final Map<String, Map<String, AttributeSummary>> types = new LinkedHashMap<>();

  private void seen(String type, String attr, String... symbols) {
    AttributeSummary s = types.computeIfAbsent(type, k -> new LinkedHashMap<>())
        .computeIfAbsent(attr, k -> new AttributeSummary());
    for (String symbol : symbols) {
      s.add(symbol);
    }
  }

  @Test
  void sameNamesAndNamesEndingInAnotherShareOneTypeWithEverySymbolSeen() {
    seen("wall", "color", "grey");
    seen("key", "color", "yellow");
    seen("door", "color", "yellow");
    seen("door", "state", "locked", "open");
    seen("agent", "carrying", "none", "key");
    seen("agent", "carrying_color", "none", "yellow");
    List<SharedSymbolTypes.SharedType> found = SharedSymbolTypes.find(types);
    assertEquals(1, found.size(), found.toString());
    assertEquals("Color", found.get(0).name());
    assertEquals(List.of("grey", "yellow", "none"), found.get(0).symbols());
    assertEquals(List.of("wall.color", "key.color", "door.color", "agent.carrying_color"), found.get(0).members());
  }

  @Test
  void setsSharingTwoSymbolsShareATypeButOnePlaceholderIsNotEnough() {
    seen("light", "phase", "red", "amber", "green");
    seen("lamp", "signal", "green", "red");
    seen("bag", "holding", "none", "coin");
    seen("hand", "grip", "none", "sword");
    List<SharedSymbolTypes.SharedType> found = SharedSymbolTypes.find(types);
    assertEquals(1, found.size(), found.toString());
    assertEquals("Phase", found.get(0).name());
    assertEquals(List.of("red", "amber", "green"), found.get(0).symbols());
  }

  @Test
  void aNameTakenByAnEntityTypeGetsASuffix() {
    seen("key", "kind", "a", "b");
    seen("Kind", "kind", "b", "c");
    assertEquals("KindValue", SharedSymbolTypes.find(types).get(0).name());
  }

  @Test
  void intsAndLoneAttributesGetNoSharedType() {
    seen("a", "mode", "x", "y");
    types.get("a").put("hp", new AttributeSummary());
    types.get("a").get("hp").add(3);
    seen("b", "hp2", "x");
    assertEquals(List.of(), SharedSymbolTypes.find(types));
  }
}
