package dev.nomos.runtime.trajectory;

import java.util.List;

/**
 * Trajectory files read against a world: the episodes, the warnings about what the world does not
 * declare (empty for a strict read), and the codec that read them, which also writes frames of
 * that world back as records (undeclared symbols and actions by the names the files gave them).
 */
public record TrajectoryData(List<Episode> episodes, List<ReadWarning> warnings, FrameCodec codec) {

  public TrajectoryData {
    episodes = List.copyOf(episodes);
    warnings = List.copyOf(warnings);
  }
}
