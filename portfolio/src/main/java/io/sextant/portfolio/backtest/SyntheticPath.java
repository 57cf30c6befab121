package io.sextant.portfolio.backtest;

import io.sextant.portfolio.config.PortfolioSpec;
import java.util.SplittableRandom;

/**
 * A seeded synthetic path: correlated Gaussian log returns (one common factor, so every pair has
 * the spec's prior correlation) at each asset's prior volatility, multiplied by {@code
 * regime.volMultiplier} from {@code regime.step} on; a flash crash of one asset ({@code
 * crash.asset}, by default the first that is not the quote asset) at {@code crash.step} (the
 * reference falls by {@code crash.drop}, then recovers {@code crash.recovery} of the fall in log
 * terms over {@code crash.duration} steps); during those steps its pool price sits below the
 * reference by {@code crash.dislocation}, shrinking linearly to zero, and its liquidity is {@code
 * crash.liquidityFactor}. Outside the crash pool prices follow the reference with 0.05% Gaussian
 * noise. The quote asset stays at its starting price.
 */
public final class SyntheticPath {
  private SyntheticPath() {}

  /** Generates the path for {@code spec} from prices {@code start} with {@code seed}. */
  public static PricePath generate(
      final PortfolioSpec spec, final double[] start, final long seed) {
    final PortfolioSpec.BacktestSpec b = spec.backtest();
    final int n = spec.assets().size();
    final int steps = b.steps();
    final int q = spec.quote();
    final double spy = spec.risk().stepsPerYear();
    final double rho = Math.max(0, spec.risk().correlation());
    final SplittableRandom rnd = new SplittableRandom(seed);
    final double[][] ref = new double[steps][n];
    final double[][] pool = new double[steps][n];
    final double[][] liq = new double[steps][n];
    final double[] logp = new double[n];
    for (int i = 0; i < n; i++) {
      logp[i] = Math.log(start[i]);
    }
    final int crash = b.crashAsset() >= 0 ? b.crashAsset() : firstRisky(spec);
    final double dropLog = Math.log(1 - b.crashDrop());
    for (int t = 0; t < steps; t++) {
      if (t > 0) {
        final double mult = t >= b.regimeStep() ? b.regimeMultiplier() : 1.0;
        final double m = gaussian(rnd);
        for (int i = 0; i < n; i++) {
          final double e = gaussian(rnd);
          if (i == q) {
            continue;
          }
          final double sigma = spec.assets().get(i).volatility() * mult / Math.sqrt(spy);
          logp[i] += sigma * (Math.sqrt(rho) * m + Math.sqrt(1 - rho) * e) - 0.5 * sigma * sigma;
        }
        if (t == b.crashStep()) {
          logp[crash] += dropLog;
        } else if (t > b.crashStep() && t <= b.crashStep() + b.crashDuration()) {
          logp[crash] -= dropLog * b.crashRecovery() / b.crashDuration();
        }
      }
      for (int i = 0; i < n; i++) {
        ref[t][i] = Math.exp(logp[i]);
        final double noise = i == q ? 0 : 0.0005 * gaussian(rnd);
        pool[t][i] = ref[t][i] * (1 + noise);
        liq[t][i] = 1.0;
      }
      final int k = t - b.crashStep();
      if (k >= 0 && k < b.crashDuration()) {
        final double dis = b.crashDislocation() * (1 - k / (double) b.crashDuration());
        pool[t][crash] = ref[t][crash] * (1 - dis);
        liq[t][crash] = b.crashLiquidity();
      }
    }
    return new PricePath(ref, pool, liq);
  }

  private static int firstRisky(final PortfolioSpec spec) {
    return spec.quote() == 0 ? 1 : 0;
  }

  private static double gaussian(final SplittableRandom rnd) {
    // Box–Muller (one of the pair), enough for a path generator.
    final double u = 1.0 - rnd.nextDouble();
    final double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
