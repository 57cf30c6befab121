package io.sextant.solver.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sextant.feeds.cow.CowOrder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link FillScreen} against route finders whose output is a known concave function (parallel
 * constant-product pools, some small and mispriced as on the real auction): it never drops an order
 * that some fill size could pay (checked on a fine grid of sizes), and it drops the ones that no
 * size can, with and without marginal rates in the probes.
 */
class FillScreenTest {
  private static final int SELL = 0;
  private static final int BUY = 1;

  /** Parallel constant-product pools {x, y, γ}: the optimal split's output and marginal rate. */
  record Market(double[][] pools, boolean marginals) implements RouteFinder {
    double output(final double a) {
      final double lambda = lambdaFor(a);
      double out = 0.0;
      for (double[] p : pools) {
        final double x = inputAt(p, lambda);
        out += p[1] * p[2] * x / (p[0] + p[2] * x);
      }
      return out;
    }

    private static double inputAt(final double[] p, final double lambda) {
      // marginal γ·x·y/(x + γa)² = λ  ⇒  a = (√(γxy/λ) − x)/γ
      return Math.max(0.0, (Math.sqrt(p[2] * p[0] * p[1] / lambda) - p[0]) / p[2]);
    }

    double lambdaFor(final double a) {
      double lo = 1e-30;
      double hi = 1e30;
      for (int i = 0; i < 400; i++) {
        final double mid = Math.sqrt(lo * hi);
        double sum = 0.0;
        for (double[] p : pools) {
          sum += inputAt(p, mid);
        }
        if (sum > a) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return Math.sqrt(lo * hi);
    }

    @Override
    public Route route(final int sell, final int buy, final boolean exactIn, final BigInteger a) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double rateBound(final int sell, final int buy) {
      return Double.POSITIVE_INFINITY;
    }

    @Override
    public Probe probe(final int sell, final int buy, final BigInteger amountIn) {
      final double a = amountIn.doubleValue();
      return new Probe(a, output(a), marginals ? lambdaFor(a) : Double.NaN);
    }
  }

  private static CowOrder order(
      final double sell, final double buy, final boolean partial, final CowOrder.Kind kind) {
    final BigInteger s = big(sell);
    final BigInteger b = big(buy);
    return new CowOrder(
        "0x01",
        "0xaa",
        "0xbb",
        s,
        b,
        s,
        b,
        kind,
        partial,
        CowOrder.OrderClass.LIMIT,
        "0xcc",
        "0xcc",
        0L,
        List.of());
  }

  private static BigInteger big(final double x) {
    return new BigDecimal(Math.floor(x)).toBigInteger();
  }

  /** Whether some routed input y ≤ S − F pays {@code out(y) ≥ L·(y + F)} (fine grid). */
  private static boolean payable(final Market m, final CowOrder o, final double fee) {
    final double s = o.sellAmount().doubleValue();
    final double limit = o.buyAmount().doubleValue() / s;
    final double top = s - fee;
    if (!o.partiallyFillable()) {
      return m.output(top) >= limit * s;
    }
    for (int i = 0; i <= 4000; i++) {
      final double y = top * Math.pow(1e-9, i / 4000.0);
      if (m.output(y) >= limit * (y + fee) * (1.0 + 1e-6)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void shouldNeverDropAnOrderThatSomeSizeCouldPay() {
    final SplittableRandom rnd = new SplittableRandom(7);
    int dropped = 0;
    int kept = 0;
    for (int n = 0; n < 400; n++) {
      final List<double[]> pools = new ArrayList<>();
      final double price = Math.exp(rnd.nextDouble(-5, 5));
      final int deep = 1 + rnd.nextInt(3);
      for (int k = 0; k < deep; k++) {
        final double x = Math.exp(rnd.nextDouble(40, 50));
        pools.add(new double[] {x, x * price * rnd.nextDouble(0.99, 1.01), 0.997});
      }
      // small mispriced pools: a far better rate for a few units
      for (int k = rnd.nextInt(3); k > 0; k--) {
        final double x = Math.exp(rnd.nextDouble(25, 35));
        pools.add(new double[] {x, x * price * Math.exp(rnd.nextDouble(0, 4)), 0.997});
      }
      final Market m = new Market(pools.toArray(double[][]::new), rnd.nextBoolean());
      final double s = Math.exp(rnd.nextDouble(35, 45));
      final double limit = price * rnd.nextDouble(0.9, 1.1);
      final double fee = s * Math.exp(rnd.nextDouble(-12, -2));
      final boolean partial = rnd.nextInt(4) > 0;
      final CowOrder o =
          order(s, s * limit, partial, rnd.nextBoolean() ? CowOrder.Kind.SELL : CowOrder.Kind.BUY);
      final BigInteger f = big(fee);
      final boolean cannot = new FillScreen(m).cannotFill(o, SELL, BUY, f);
      final boolean can = payable(m, o, f.doubleValue());
      assertFalse(cannot && can, "dropped a payable order, case " + n);
      if (cannot) {
        dropped++;
      } else {
        kept++;
      }
    }
    // The screen must have teeth: most unpayable cases are dropped.
    assertTrue(dropped > 100, "dropped " + dropped + ", kept " + kept);
  }

  @Test
  void shouldDropAnOrderAskingMoreThanTheMarketAfterItsFee() {
    final Market m = new Market(new double[][] {{1e21, 2e21, 0.997}, {1e9, 1e10, 0.997}}, true);
    // market ≈ 2 per unit less 0.3 %; asks 2.01 after a fee of a thousandth
    final CowOrder o = order(1e18, 2.01e18, true, CowOrder.Kind.SELL);
    assertTrue(
        new FillScreen(m).cannotFill(o, SELL, BUY, BigInteger.valueOf(1_000_000_000_000_000L)));
    // asks 1.9: payable
    final CowOrder ok = order(1e18, 1.9e18, true, CowOrder.Kind.SELL);
    assertFalse(
        new FillScreen(m).cannotFill(ok, SELL, BUY, BigInteger.valueOf(1_000_000_000_000_000L)));
  }

  @Test
  void shouldDropAnOrderWhoseFeeExceedsItsAmount() {
    final Market m = new Market(new double[][] {{1e21, 2e21, 0.997}}, true);
    final CowOrder o = order(1e15, 1e15, true, CowOrder.Kind.SELL);
    assertTrue(
        new FillScreen(m).cannotFill(o, SELL, BUY, BigInteger.valueOf(2_000_000_000_000_000L)));
    assertEquals(1e15, o.sellAmount().doubleValue());
  }
}
