package dev.nomos.learn.internal;

import dev.nomos.learn.IterationReport;
import dev.nomos.learn.LearnListener;
import dev.nomos.learn.Proposal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Passes on what runs of the loop working at the same time tell their listeners, in the order one
 * thread doing the runs one after another would have told it: the first unfinished run speaks
 * live, and what a later run says waits until every run before it has finished. The listener
 * (a terminal's table, say) is called by one thread at a time.
 */
public final class OrderedEvents {
  private final LearnListener target;
  private final List<List<Consumer<LearnListener>>> waiting = new ArrayList<>();
  private final boolean[] finished;
  private int live;

  public OrderedEvents(LearnListener target, int runs) {
    this.target = target;
    this.finished = new boolean[runs];
    for (int k = 0; k < runs; k++) {
      waiting.add(new ArrayList<>());
    }
  }

  /** The listener run {@code run} (from 0) tells. */
  public LearnListener of(int run) {
    return new LearnListener() {
      @Override
      public void phase(int iteration, String phase) {
        deliver(run, l -> l.phase(iteration, phase));
      }

      @Override
      public void iterationDone(IterationReport report) {
        deliver(run, l -> l.iterationDone(report));
      }

      @Override
      public void proposed(int iteration, Proposal proposal) {
        deliver(run, l -> l.proposed(iteration, proposal));
      }

      @Override
      public void merged(int iteration, Map<String, String> merged) {
        // The fit's map is the caller's; a waiting event keeps what it said then, in its order.
        Map<String, String> copy = Collections.unmodifiableMap(new LinkedHashMap<>(merged));
        deliver(run, l -> l.merged(iteration, copy));
      }

      @Override
      public void rejected(int iteration, String candidate, String reason) {
        deliver(run, l -> l.rejected(iteration, candidate, reason));
      }
    };
  }

  private synchronized void deliver(int run, Consumer<LearnListener> event) {
    if (run == live) {
      event.accept(target);
    } else {
      waiting.get(run).add(event);
    }
  }

  /** Run {@code run} has said everything; the runs after it may speak once those before it are done too. */
  public synchronized void finished(int run) {
    finished[run] = true;
    while (live < finished.length && finished[live]) {
      live++;
      if (live < finished.length) {
        List<Consumer<LearnListener>> events = waiting.get(live);
        for (Consumer<LearnListener> e : events) {
          e.accept(target);
        }
        events.clear();
      }
    }
  }
}
