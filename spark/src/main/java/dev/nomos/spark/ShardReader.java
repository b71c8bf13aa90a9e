package dev.nomos.spark;

import dev.nomos.runtime.cluster.ClusterTaskException;
import dev.nomos.runtime.cluster.ModelRecipe;
import dev.nomos.runtime.fit.FitPart;
import dev.nomos.runtime.fit.FitScorer;
import dev.nomos.runtime.model.EvaluationTally;
import dev.nomos.runtime.model.LawException;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import dev.nomos.runtime.trajectory.EpisodeStream;
import dev.nomos.runtime.trajectory.FrameCodec;
import dev.nomos.runtime.trajectory.ReadMode;
import dev.nomos.runtime.trajectory.ReadWarning;
import dev.nomos.runtime.trajectory.TrajectoryFormatException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * One task's work: a trajectory file (a path or any Hadoop file system URI; gzip when it ends in
 * {@code .gz}) read episode by episode and scored whole. Problems in the data or the laws leave as a
 * {@link ClusterTaskException} with the message a local run gives.
 */
final class ShardReader {
  private ShardReader() {}

  /** The precomputed law scores of one file. */
  static ShardResult<FitPart> score(ModelRecipe recipe, String file, boolean strict) {
    WorldModel model = Models.of(recipe);
    FitScorer scorer = new FitScorer(model);
    ArrayList<String> warnings = read(model, file, strict, e -> scorer.add(e, 0, e.transitions()));
    return new ShardResult<>(scorer.part(), warnings);
  }

  /** The evaluation tally of one file. */
  static ShardResult<EvaluationTally> evaluate(ModelRecipe recipe, String file, boolean strict) {
    WorldModel model = Models.of(recipe);
    EvaluationTally tally = new EvaluationTally(model);
    ArrayList<String> warnings = read(model, file, strict, e -> tally.add(e, 0, e.transitions()));
    return new ShardResult<>(tally, warnings);
  }

  /** Hands every episode of {@code file} to {@code work}; returns the read warnings. */
  static ArrayList<String> read(WorldModel model, String file, boolean strict,
      java.util.function.Consumer<Episode> work) {
    FrameCodec codec = new FrameCodec(model.schema(), strict ? ReadMode.STRICT : ReadMode.OPEN);
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file);
    try {
      FileSystem fs = path.getFileSystem(new Configuration());
      InputStream bytes = fs.open(path);
      if (file.endsWith(".gz")) {
        bytes = new GZIPInputStream(bytes, 1 << 16);
      }
      try (EpisodeStream in = EpisodeStream.of(new InputStreamReader(bytes, StandardCharsets.UTF_8), Path.of(file), codec)) {
        for (Episode e; (e = in.next()) != null; ) {
          work.accept(e);
        }
      }
    } catch (TrajectoryFormatException | LawException e) {
      throw new ClusterTaskException(e.getMessage());
    } catch (FileNotFoundException e) {
      throw new ClusterTaskException("cannot read " + file + ": no such file");
    } catch (IOException e) {
      throw new ClusterTaskException("cannot read " + file + ": " + e.getMessage());
    }
    ArrayList<String> warnings = new ArrayList<>();
    for (ReadWarning w : codec.warnings()) {
      warnings.add(w.message());
    }
    return warnings;
  }
}
