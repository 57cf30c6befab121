package io.sextant.solver.route;

import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowAuctionParser;
import io.sextant.feeds.cow.CowMarket;
import io.sextant.feeds.cow.CowOrder;
import io.sextant.routing.finalise.RoutePlan;
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
    final SplitRouter router = new SplitRouter(m.market());
    final RoutePlan plan = new RoutePlan();
    int ok = 0, split = 0, err = 0;
    long t0 = System.nanoTime();
    for (CowOrder o : a.orders()) {
      final boolean sell = o.kind() == CowOrder.Kind.SELL;
      final UInt256 amt = UInt256.of(sell ? o.sellAmount() : o.buyAmount());
      router.route(m.token(o.sellToken()), m.token(o.buyToken()), sell, amt, 3, 0.0, plan);
      if (plan.ok()) {
        ok++;
        if (plan.split()) split++;
      } else {
        err++;
      }
    }
    System.out.printf(
        "ok %d split %d err %d in %d ms%n", ok, split, err, (System.nanoTime() - t0) / 1000000);
  }
}
