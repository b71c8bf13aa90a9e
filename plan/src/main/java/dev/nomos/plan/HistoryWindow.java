package dev.nomos.plan;

import dev.nomos.runtime.Frame;

/**
 * Keeps predicted frames' history short. Every frame a search predicts links to the one it came from,
 * so along a path of more than {@link Frame#MAX_HISTORY} steps each new frame would cut its
 * sixteen-frame history anew, rebuilding it (most of a prediction's cost on long plans). Once a
 * frame's history reaches {@link #CUT_AT} steps this rebuilds it with the last {@link #KEEP} steps
 * only, which then grow again. Laws that read further back than {@link #KEEP} steps (or objects'
 * ages, which restart at the cut) may predict differently than from the full history: the
 * planner's state keys ignore history beyond the last step's velocity anyway (docs/planning.md).
 */
public final class HistoryWindow {
  /** Steps of history a rebuilt frame keeps. */
  public static final int KEEP = 3;
  /** History depth at which a frame is rebuilt. */
  public static final int CUT_AT = 12;

  private HistoryWindow() {}

  /** {@code frame}, or a copy with {@link #KEEP} steps of history when it has {@link #CUT_AT} or more. */
  public static Frame shortened(Frame frame) {
    if (frame.back(CUT_AT) == null) {
      return frame;
    }
    return keepLast(frame, KEEP);
  }

  /** A copy of {@code frame} with at most {@code keep} steps of history (ages restart at the oldest kept). */
  public static Frame keepLast(Frame frame, int keep) {
    if (frame.back(keep + 1) == null) {
      return frame;
    }
    return rebuilt(frame, keep);
  }

  private static Frame rebuilt(Frame frame, int keep) {
    Frame previous = keep == 0 || frame.previous() == null ? null : rebuilt(frame.previous(), keep - 1);
    Frame.Builder b = Frame.builder(frame.schema())
        .action(frame.action())
        .step(frame.step())
        .reward(frame.reward())
        .terminated(frame.terminated())
        .previous(previous);
    for (int o = 0; o < frame.size(); o++) {
      b.add(frame.id(o), frame.type(o), frame.slots(o));
    }
    for (int k = 0; k < frame.undeclaredCount(); k++) {
      b.addUndeclared(frame.undeclaredId(k), frame.undeclaredType(k));
    }
    return b.build();
  }
}
