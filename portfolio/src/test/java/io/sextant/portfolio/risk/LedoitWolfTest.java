package io.sextant.portfolio.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LedoitWolfTest {
  /**
   * Reference values from an independent NumPy transcription of Ledoit and Wolf's own covCor.m
   * (vectorised matrix form, not this class's per-element loops) on the same data.
   */
  private static final double REF_R_BAR = 0.05123531826621367;

  private static final double REF_SHRINKAGE = 0.038122222836797955;
  private static final double[][] REF_SIGMA = {
    {
      1.2398458085495108e-04,
      6.3880860718948444e-05,
      -1.0374185608659153e-05,
      1.4913560834806423e-06
    },
    {
      6.3880860718948444e-05,
      1.1359804477277261e-04,
      -1.0478070590765247e-05,
      3.6740503493883313e-07
    },
    {
      -1.0374185608659153e-05,
      -1.0478070590765247e-05,
      5.3662270442208980e-05,
      3.6036328434657293e-07
    },
    {1.4913560834806423e-06, 3.6740503493883313e-07, 3.6036328434657293e-07, 5.0807283324859006e-05}
  };

  private static double[][] fixedData() {
    final double[] loading = {0.012, 0.011, -0.002, 0.0};
    final double[][] x = new double[250][4];
    for (int t = 0; t < 250; t++) {
      for (int i = 0; i < 4; i++) {
        x[t][i] =
            0.01 * Math.sin(0.7 * (t + 1) * (i + 1) + i)
                + loading[i] * Math.sin(1.3 * t)
                + 0.002 * Math.cos(t * t * 0.1 * (i + 2));
      }
    }
    return x;
  }

  @Test
  void shouldMatchIndependentReferenceOnFixedData() {
    final LedoitWolf.Estimate e = LedoitWolf.constantCorrelation(fixedData());
    assertEquals(REF_R_BAR, e.averageCorrelation(), 1e-10);
    assertEquals(REF_SHRINKAGE, e.shrinkage(), 1e-9);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(REF_SIGMA[i][j], e.covariance()[i][j], 1e-9 * Math.abs(REF_SIGMA[i][i]));
      }
    }
  }

  @Test
  void shouldKeepSampleVariancesAndShrinkCorrelationsTowardsAverage() {
    final LedoitWolf.Estimate e = LedoitWolf.constantCorrelation(fixedData());
    for (int i = 0; i < 4; i++) {
      assertEquals(e.sample()[i][i], e.covariance()[i][i], 1e-20);
      for (int j = 0; j < 4; j++) {
        if (i != j) {
          final double sd = Math.sqrt(e.sample()[i][i] * e.sample()[j][j]);
          assertEquals(e.averageCorrelation() * sd, e.target()[i][j], 1e-18);
        }
      }
    }
  }

  @Test
  void shouldKeepShrinkageIntensityInUnitInterval() {
    final Random rnd = new Random(5);
    for (int trial = 0; trial < 200; trial++) {
      final int t = 3 + rnd.nextInt(60);
      final int n = 2 + rnd.nextInt(6);
      final double[][] x = new double[t][n];
      for (double[] row : x) {
        final double f = rnd.nextGaussian();
        for (int i = 0; i < n; i++) {
          row[i] = rnd.nextDouble() * f + rnd.nextGaussian() * (0.1 + i);
        }
      }
      final double d = LedoitWolf.constantCorrelation(x).shrinkage();
      assertTrue(d >= 0.0 && d <= 1.0, "shrinkage " + d);
    }
  }

  /** From an independent NumPy transcription of the JMVA 2004 estimators on the same data. */
  private static final double REF_IDENTITY_SHRINKAGE = 0.0343848412876541;

  private static final double REF_IDENTITY_M = 8.551304484869792e-05;
  private static final double[][] REF_IDENTITY_SIGMA = {
    {
      1.2266174319528381e-04,
      6.3896367634945570e-05,
      -1.0574432027078767e-05,
      1.3415260070814280e-06
    },
    {
      6.3896367634945570e-05,
      1.1263234650781952e-04,
      -1.0671874943476507e-05,
      2.1986895720878168e-07
    },
    {
      -1.0574432027078767e-05,
      -1.0671874943476507e-05,
      5.4757454265064981e-05,
      2.5938012537555706e-07
    },
    {1.3415260070814280e-06, 2.1986895720878168e-07, 2.5938012537555706e-07, 5.2000635426623391e-05}
  };

  @Test
  void shouldMatchIndependentReferenceForScaledIdentityTarget() {
    final LedoitWolf.Estimate e = LedoitWolf.scaledIdentity(fixedData());
    assertEquals(REF_IDENTITY_SHRINKAGE, e.shrinkage(), 1e-9);
    assertEquals(REF_IDENTITY_M, e.target()[2][2], 1e-18);
    assertEquals(0.0, e.target()[0][1], 0.0);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(
            REF_IDENTITY_SIGMA[i][j],
            e.covariance()[i][j],
            1e-9 * Math.abs(REF_IDENTITY_SIGMA[i][i]));
      }
    }
    final Random rnd = new Random(13);
    for (int trial = 0; trial < 100; trial++) {
      final double[][] x = new double[2 + rnd.nextInt(30)][2 + rnd.nextInt(8)];
      for (double[] row : x) {
        for (int i = 0; i < row.length; i++) {
          row[i] = rnd.nextGaussian() * (1 + i);
        }
      }
      final double d = LedoitWolf.scaledIdentity(x).shrinkage();
      assertTrue(d >= 0.0 && d <= 1.0, "shrinkage " + d);
    }
  }
}
