package io.sextant.bench.portfolio;

import io.sextant.portfolio.risk.RiskModel;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One risk-model update per price tick: log returns of every asset, the EWMA covariance update and
 * the portfolio return appended to the VaR window ({@link RiskModel#onPrices}); and the same plus a
 * parametric VaR read. Prices cycle through a pre-generated geometric random walk. Target ≤ 20 µs
 * per tick for 50 assets; run with {@code -prof gc} to see it allocates nothing.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Thread)
public class RiskUpdateBenchmark {
  private static final int PATH = 1024;

  @Param({"50"})
  public int assets;

  private RiskModel model;
  private double[][] path;
  private int next;

  /** Builds the model and the price path. */
  @Setup
  public void setUp() {
    model = new RiskModel(assets, 0.94, 500);
    final double[] w = new double[assets];
    Arrays.fill(w, 1.0 / assets);
    model.weights(w);
    final SplittableRandom rnd = new SplittableRandom(7);
    path = new double[PATH][assets];
    final double[] p = new double[assets];
    Arrays.fill(p, 100.0);
    for (double[] tick : path) {
      for (int i = 0; i < assets; i++) {
        p[i] *= Math.exp(0.01 * (rnd.nextDouble() - 0.5));
        tick[i] = p[i];
      }
    }
    for (double[] tick : path) {
      model.onPrices(tick);
    }
  }

  /** A tick: returns, covariance, window. */
  @Benchmark
  public double update() {
    final double[] tick = path[next];
    next = (next + 1) & (PATH - 1);
    return model.onPrices(tick);
  }

  /** A tick followed by the portfolio's parametric 99% VaR. */
  @Benchmark
  public double updateAndParametricVaR() {
    final double[] tick = path[next];
    next = (next + 1) & (PATH - 1);
    model.onPrices(tick);
    return model.parametricVaR(0.99, 1);
  }
}
