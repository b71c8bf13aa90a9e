package dev.nomos.learn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nomos.learn.LearnListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderedEventsTest {

  private static LearnListener recording(List<String> heard) {
    return new LearnListener() {
      @Override
      public void phase(int iteration, String phase) {
        heard.add(iteration + " " + phase);
      }

      @Override
      public void merged(int iteration, Map<String, String> merged) {
        heard.add(iteration + " merged " + merged);
      }
    };
  }

  @Test
  void theFirstUnfinishedRunSpeaksLiveAndLaterRunsFollowInRunOrder() {
    List<String> heard = new ArrayList<>();
    OrderedEvents events = new OrderedEvents(recording(heard), 3);
    events.of(2).phase(1, "run 2 first");
    events.of(1).phase(1, "run 1 first");
    events.of(0).phase(1, "run 0 first");
    assertEquals(List.of("1 run 0 first"), heard, "run 0 is live; the others wait");
    events.of(2).phase(2, "run 2 second");
    events.finished(2);
    assertEquals(1, heard.size(), "a finished run still waits for the runs before it");
    events.of(0).phase(2, "run 0 second");
    events.finished(0);
    events.of(1).phase(2, "run 1 second");
    events.finished(1);
    assertEquals(List.of("1 run 0 first", "2 run 0 second", "1 run 1 first", "2 run 1 second", "1 run 2 first",
        "2 run 2 second"), heard);
  }

  @Test
  void aWaitingMergeKeepsWhatItSaidInItsOrder() {
    List<String> heard = new ArrayList<>();
    OrderedEvents events = new OrderedEvents(recording(heard), 2);
    Map<String, String> merged = new LinkedHashMap<>();
    merged.put("b", "a");
    merged.put("c", "a");
    events.of(1).merged(3, merged);
    merged.clear();
    events.finished(0);
    assertEquals(List.of("3 merged {b=a, c=a}"), heard);
  }
}
