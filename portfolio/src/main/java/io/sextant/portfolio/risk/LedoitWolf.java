package io.sextant.portfolio.risk;

/**
 * Ledoit–Wolf shrinkage of the sample covariance towards the constant-correlation target: O. Ledoit
 * and M. Wolf, "Honey, I Shrunk the Sample Covariance Matrix", Journal of Portfolio Management
 * 30(4), 2004. The target F keeps the sample variances and sets every correlation to the average
 * sample correlation r̄; the intensity is {@code δ* = max(0, min(1, (π̂ − ρ̂) / γ̂ / T))} with π̂,
 * ρ̂, γ̂ as in the paper's appendix (and the authors' covCor.m). The sample covariance divides by T
 * (the paper's convention), after removing each column's mean.
 *
 * <p>{@link #scaledIdentity} is the other published target: O. Ledoit and M. Wolf, "A
 * well-conditioned estimator for large-dimensional covariance matrices", Journal of Multivariate
 * Analysis 88, 2004, Lemma 3.3–3.4 estimators ({@code m = tr S / N}, {@code d² = ‖S − mI‖²}, {@code
 * b² = min(b̄², d²)} with {@code b̄² = T⁻² Σ_t ‖x_t x_tᵀ − S‖²}, norms {@code ‖A‖² = tr(AAᵀ)/N};
 * intensity {@code b²/d²}).
 *
 * <p>Cold path: allocates its result.
 */
public final class LedoitWolf {
  private LedoitWolf() {}

  /**
   * The shrunk estimate.
   *
   * @param covariance δ* F + (1 − δ*) S, in return units squared
   * @param sample the sample covariance S (divided by T)
   * @param target the constant-correlation target F
   * @param shrinkage δ* in [0, 1]
   * @param averageCorrelation r̄
   */
  public record Estimate(
      double[][] covariance,
      double[][] sample,
      double[][] target,
      double shrinkage,
      double averageCorrelation) {}

  /**
   * Shrinks the covariance of {@code returns[t][i]} (T observations of N ≥ 2 assets, T ≥ 2) towards
   * constant correlation.
   */
  public static Estimate constantCorrelation(final double[][] returns) {
    final int t = returns.length;
    if (t < 2) {
      throw new IllegalArgumentException("need at least 2 observations");
    }
    final int n = returns[0].length;
    if (n < 2) {
      throw new IllegalArgumentException("need at least 2 assets");
    }
    final double[][] x = demeaned(returns);
    final double[][] sample = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double acc = 0.0;
        for (int s = 0; s < t; s++) {
          acc += x[s][i] * x[s][j];
        }
        sample[i][j] = acc / t;
        sample[j][i] = acc / t;
      }
    }
    final double[] sd = new double[n];
    for (int i = 0; i < n; i++) {
      sd[i] = Math.sqrt(sample[i][i]);
    }
    double corrSum = 0.0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          corrSum += sample[i][j] / (sd[i] * sd[j]);
        }
      }
    }
    final double rBar = corrSum / (n * (n - 1.0));
    final double[][] target = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        target[i][j] = i == j ? sample[i][i] : rBar * sd[i] * sd[j];
      }
    }

    // π̂ = Σ_ij π̂_ij, π̂_ij = (1/T) Σ_t (x_ti x_tj − s_ij)².
    double pi = 0.0;
    final double[] piDiag = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double acc = 0.0;
        for (int s = 0; s < t; s++) {
          final double d = x[s][i] * x[s][j] - sample[i][j];
          acc += d * d;
        }
        acc /= t;
        pi += acc;
        if (i == j) {
          piDiag[i] = acc;
        }
      }
    }
    // ρ̂ = Σ_i π̂_ii + Σ_{i≠j} (r̄/2)(√(s_jj/s_ii) θ̂_ii,ij + √(s_ii/s_jj) θ̂_jj,ij),
    // θ̂_ii,ij = (1/T) Σ_t (x_ti² − s_ii)(x_ti x_tj − s_ij).
    double rho = 0.0;
    for (int i = 0; i < n; i++) {
      rho += piDiag[i];
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == j) {
          continue;
        }
        double thetaI = 0.0;
        double thetaJ = 0.0;
        for (int s = 0; s < t; s++) {
          final double cross = x[s][i] * x[s][j] - sample[i][j];
          thetaI += (x[s][i] * x[s][i] - sample[i][i]) * cross;
          thetaJ += (x[s][j] * x[s][j] - sample[j][j]) * cross;
        }
        thetaI /= t;
        thetaJ /= t;
        rho += 0.5 * rBar * (sd[j] / sd[i] * thetaI + sd[i] / sd[j] * thetaJ);
      }
    }
    // γ̂ = ‖F − S‖²_F.
    double gamma = 0.0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        final double d = target[i][j] - sample[i][j];
        gamma += d * d;
      }
    }
    final double kappa = gamma > 0.0 ? (pi - rho) / gamma : 0.0;
    final double shrinkage = gamma > 0.0 ? Math.max(0.0, Math.min(1.0, kappa / t)) : 0.0;
    final double[][] shrunk = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        shrunk[i][j] = shrinkage * target[i][j] + (1.0 - shrinkage) * sample[i][j];
      }
    }
    return new Estimate(shrunk, sample, target, shrinkage, rBar);
  }

  /**
   * Shrinks the covariance of {@code returns[t][i]} towards the scaled identity {@code mI}, {@code
   * m = tr S / N} (Ledoit–Wolf 2004, JMVA). The estimate's {@code averageCorrelation} is 0 (the
   * target has no correlation).
   */
  public static Estimate scaledIdentity(final double[][] returns) {
    final int t = returns.length;
    if (t < 2) {
      throw new IllegalArgumentException("need at least 2 observations");
    }
    final int n = returns[0].length;
    final double[][] x = demeaned(returns);
    final double[][] sample = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double acc = 0.0;
        for (int s = 0; s < t; s++) {
          acc += x[s][i] * x[s][j];
        }
        sample[i][j] = acc / t;
        sample[j][i] = acc / t;
      }
    }
    double trace = 0.0;
    for (int i = 0; i < n; i++) {
      trace += sample[i][i];
    }
    final double m = trace / n;
    double d2 = 0.0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        final double d = sample[i][j] - (i == j ? m : 0.0);
        d2 += d * d;
      }
    }
    d2 /= n;
    double b2bar = 0.0;
    for (int s = 0; s < t; s++) {
      double norm = 0.0;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          final double d = x[s][i] * x[s][j] - sample[i][j];
          norm += d * d;
        }
      }
      b2bar += norm / n;
    }
    b2bar /= (double) t * t;
    final double b2 = Math.min(b2bar, d2);
    final double shrinkage = d2 > 0.0 ? b2 / d2 : 0.0;
    final double[][] target = new double[n][n];
    final double[][] shrunk = new double[n][n];
    for (int i = 0; i < n; i++) {
      target[i][i] = m;
      for (int j = 0; j < n; j++) {
        shrunk[i][j] = shrinkage * target[i][j] + (1.0 - shrinkage) * sample[i][j];
      }
    }
    return new Estimate(shrunk, sample, target, shrinkage, 0.0);
  }

  private static double[][] demeaned(final double[][] returns) {
    final int t = returns.length;
    final int n = returns[0].length;
    final double[][] x = new double[t][n];
    for (int j = 0; j < n; j++) {
      double mean = 0.0;
      for (int s = 0; s < t; s++) {
        mean += returns[s][j];
      }
      mean /= t;
      for (int s = 0; s < t; s++) {
        x[s][j] = returns[s][j] - mean;
      }
    }
    return x;
  }
}
