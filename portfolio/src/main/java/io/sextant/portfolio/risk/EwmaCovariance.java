package io.sextant.portfolio.risk;

/**
 * Exponentially weighted covariance of asset returns, RiskMetrics style: zero-mean returns, {@code
 * C_t = λ C_{t-1} + (1 − λ) r_t r_tᵀ}. The first observation seeds {@code C_1 = r_1 r_1ᵀ}, so after
 * {@code t} updates {@code C_t = λ^{t−1} r_1 r_1ᵀ + Σ_{s=2..t} (1 − λ) λ^{t−s} r_s r_sᵀ}.
 *
 * <p>Returns are dimensionless (log returns per tick); variances are per tick². {@link #update} is
 * the hot path: it allocates nothing and sweeps the row-major matrix once. Not thread-safe: one
 * writer, and readers on the same thread.
 */
public final class EwmaCovariance {
  /** RiskMetrics (1996) decay for daily data. */
  public static final double RISK_METRICS_LAMBDA = 0.94;

  private final int n;
  private final double lambda;
  private final double oneMinusLambda;
  private final double[] cov;
  private long count;

  /**
   * @param assets number of assets, at least 1
   * @param lambda decay in (0, 1); the weight of the newest observation is {@code 1 − λ}
   */
  public EwmaCovariance(final int assets, final double lambda) {
    if (assets < 1) {
      throw new IllegalArgumentException("assets must be >= 1: " + assets);
    }
    if (!(lambda > 0.0 && lambda < 1.0)) {
      throw new IllegalArgumentException("lambda must be in (0, 1): " + lambda);
    }
    this.n = assets;
    this.lambda = lambda;
    this.oneMinusLambda = 1.0 - lambda;
    this.cov = new double[assets * assets];
  }

  /** Folds one vector of per-asset returns (length {@link #assets()}) into the estimate. */
  public void update(final double[] returns) {
    final int n = this.n;
    final double[] c = cov;
    if (count == 0) {
      for (int i = 0; i < n; i++) {
        final double ri = returns[i];
        final int row = i * n;
        for (int j = i; j < n; j++) {
          final double v = ri * returns[j];
          c[row + j] = v;
          c[j * n + i] = v;
        }
      }
    } else {
      // Full row-major sweep: contiguous and vectorisable, and w·(r_i·r_j) is bitwise symmetric,
      // so the matrix stays exactly symmetric without a strided mirror store.
      final double l = lambda;
      final double w = oneMinusLambda;
      for (int i = 0; i < n; i++) {
        final double ri = returns[i];
        final int row = i * n;
        for (int j = 0; j < n; j++) {
          c[row + j] = l * c[row + j] + w * (ri * returns[j]);
        }
      }
    }
    count++;
  }

  /** Number of assets. */
  public int assets() {
    return n;
  }

  /** Decay factor λ. */
  public double lambda() {
    return lambda;
  }

  /** Number of return vectors folded in so far. */
  public long count() {
    return count;
  }

  /** Covariance of assets {@code i} and {@code j}, per tick². */
  public double covariance(final int i, final int j) {
    return cov[i * n + j];
  }

  /** Variance of asset {@code i}, per tick². */
  public double variance(final int i) {
    return cov[i * n + i];
  }

  /** Volatility (standard deviation) of asset {@code i}, per √tick. */
  public double volatility(final int i) {
    return Math.sqrt(cov[i * n + i]);
  }

  /** Correlation of assets {@code i} and {@code j}; NaN while either variance is zero. */
  public double correlation(final int i, final int j) {
    final double d = Math.sqrt(cov[i * n + i] * cov[j * n + j]);
    return d > 0.0 ? cov[i * n + j] / d : Double.NaN;
  }

  /** Copies the row-major covariance matrix into {@code dst} (length n²) and returns it. */
  public double[] covarianceMatrix(final double[] dst) {
    System.arraycopy(cov, 0, dst, 0, cov.length);
    return dst;
  }

  /** Writes the row-major correlation matrix into {@code dst} (length n²) and returns it. */
  public double[] correlationMatrix(final double[] dst) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        dst[i * n + j] = i == j ? 1.0 : correlation(i, j);
      }
    }
    return dst;
  }

  /** Portfolio variance {@code wᵀ C w}, per tick², for weights {@code w} (length n). */
  public double portfolioVariance(final double[] weights) {
    double total = 0.0;
    for (int i = 0; i < n; i++) {
      final int row = i * n;
      double s = 0.0;
      for (int j = 0; j < n; j++) {
        s += cov[row + j] * weights[j];
      }
      total += weights[i] * s;
    }
    return total;
  }

  /** Forgets every observation. */
  public void reset() {
    java.util.Arrays.fill(cov, 0.0);
    count = 0;
  }
}
