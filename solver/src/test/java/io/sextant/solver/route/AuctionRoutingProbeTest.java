package io.sextant.solver.route;

import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowAuctionParser;
import io.sextant.feeds.cow.CowMarket;
import io.sextant.feeds.cow.CowOrder;
import io.sextant.routing.finalise.RoutePlan;
import io.sextant.routing.graph.CandidatePaths;
import io.sextant.routing.graph.PoolDepth;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.split.SplitRouter;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class AuctionRoutingProbeTest {
  @Test
  void probe() throws Exception {
    final CowAuction a;
    try (InputStream in =
        getClass().getResourceAsStream("/io/sextant/solver/data/mainnet-auction-7400693.json")) {
      a = new CowAuctionParser().parse(in);
    }
    final CowMarket m = CowMarket.of(a);
    final CandidatePaths cp = new CandidatePaths(m.market(), PoolDepth.of(m.market()));
    for (double frac : new double[] {1e-6}) {
      final SplitRouter router = new SplitRouter(m.market()).pruneFraction(frac);
      final RoutePlan plan = new RoutePlan();
      int ok = 0, split = 0, err = 0;
      long paths = 0, maxPaths = 0, iters = 0;
      long t0 = System.nanoTime();
      for (int i = 0; i < 200; i++) {
        CowOrder o = a.orders().get(i);
        final boolean sell = o.kind() == CowOrder.Kind.SELL;
        final UInt256 amt = UInt256.of(sell ? o.sellAmount() : o.buyAmount());
        router.route(m.token(o.sellToken()), m.token(o.buyToken()), sell, amt, 3, 0.0, plan);
        iters += router.optimizer().iterations();
        final double p = m.market().referencePrice(m.token(o.sellToken()));
        int n =
            cp.find(
                m.token(o.sellToken()),
                m.token(o.buyToken()),
                3,
                p > 0 ? frac * amt.toDouble() * p : 0);
        paths += n;
        maxPaths = Math.max(maxPaths, n);
        if (plan.ok()) {
          ok++;
          if (plan.split()) split++;
        } else {
          err++;
          System.out.println("ERR " + i + " " + plan.error());
        }
      }
      System.out.printf(
          "frac %g ok %d split %d err %d paths %d max %d iters %d in %d ms%n",
          frac, ok, split, err, paths, maxPaths, iters, (System.nanoTime() - t0) / 1000000);
    }
  }
}
