package dev.nomos.bench.fit;

import dev.nomos.runtime.fit.FitData;
import dev.nomos.runtime.fit.FitResult;
import dev.nomos.runtime.fit.Fitter;
import dev.nomos.runtime.model.ProgressListener;
import dev.nomos.runtime.model.WorldModel;
import dev.nomos.runtime.trajectory.Episode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Fitting the weights of 400 laws on 1,000 Pong-sized transitions, after the per-law scores were
 * precomputed (the target is under 2 s on one core); and, for scale, the precompute itself and one
 * full inference pass (log-likelihood of every transition with all 400 laws running).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:ActiveProcessorCount=1"})
public class FitBenchmark {
  private WorldModel model;
  private List<Episode> episodes;
  private FitData data;

  @Setup(Level.Trial)
  public void setUp() {
    model = WorldModel.of(PongLike.WORLD, PongLike.laws(400));
    episodes = PongLike.episodes(7, 5, 201);
    data = FitData.precompute(model, episodes, ProgressListener.NONE);
    FitResult r = new Fitter().fit(model, data);
    System.out.printf("%n[fit] %d transitions, %d targets, %d entries; %d iterations, NLL %.3f -> %.3f, %d pruned%n",
        data.transitions(), data.targets(), data.entries(), r.iterations(), r.startNll(), r.trainNll(), r.pruned().size());
  }

  @Benchmark
  public FitResult fit400LawsOn1000Transitions() {
    return new Fitter().fit(model, data);
  }

  @Benchmark
  public FitData precompute400LawsOn1000Transitions() {
    return FitData.precompute(model, episodes, ProgressListener.NONE);
  }

  @Benchmark
  public double logLikelihoodOf1000TransitionsWith400Laws() {
    var inference = model.newInference();
    double sum = 0;
    for (Episode e : episodes) {
      for (int k = 0; k + 1 < e.frames().size(); k++) {
        sum += inference.logLikelihood(e.frames().get(k), e.frames().get(k + 1));
      }
    }
    return sum;
  }
}
