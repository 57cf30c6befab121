package io.sextant.solver.engine;

import io.sextant.feeds.cow.CowAuction;
import io.sextant.feeds.cow.CowMarket;
import io.sextant.feeds.cow.CowOrder;
import io.sextant.feeds.cow.CowToken;
import io.sextant.solver.solution.LiquidityInteraction;
import io.sextant.solver.solution.Solution;
import io.sextant.solver.solution.Trade;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns fills and matched groups into {@link Solution}s: clearing prices, trades, the route's legs
 * as liquidity interactions, {@code internalize} by CIP-2, and gas.
 *
 * <p>Gas model: {@code Σ gasEstimate} of the distinct liquidity sources the solution swaps through
 * (the auction's own estimates) plus {@code EngineConfig.settlementGasOverhead} (default 106,391:
 * the reference solver's settlement overhead, 7,365 + 44,000 + 2·27,513).
 *
 * <p>Internalisation (CIP-2): walking the interactions in order, one is internalized when its input
 * token is trusted and its output fits in what is left of the output token's {@code
 * availableBalance}; the buffer left shrinks by the output.
 */
final class SolutionAssembler {
  private final CowAuction auction;
  private final CowMarket market;

  SolutionAssembler(final CowAuction auction, final CowMarket market) {
    this.auction = auction;
    this.market = market;
  }

  Solution single(final long id, final OrderFill f, final long overhead) {
    final CowOrder o = f.order();
    final TreeMap<String, BigInteger> prices = new TreeMap<>();
    prices.put(o.sellToken(), f.sellPrice());
    prices.put(o.buyToken(), f.buyPrice());
    final List<Trade> trades = List.of(new Trade(o.uid(), f.executedAmount(), f.fee()));
    return new Solution(
        id, prices, trades, interactions(f.route()), overhead + f.route().gasUnits());
  }

  Solution group(final long id, final MatchedGroup g) {
    final TreeMap<String, BigInteger> prices = new TreeMap<>();
    prices.put(g.tokenA(), g.priceA());
    prices.put(g.tokenB(), g.priceB());
    final List<Trade> trades = new ArrayList<>();
    for (int i = 0; i < g.orders().size(); i++) {
      final CowOrder o = g.orders().get(i);
      final BigInteger fee = g.fees().get(i);
      final BigInteger executed =
          o.kind() == CowOrder.Kind.SELL
              ? o.sellAmount().subtract(fee == null ? BigInteger.ZERO : fee)
              : o.buyAmount();
      trades.add(new Trade(o.uid(), executed, fee));
    }
    final List<LiquidityInteraction> interactions =
        g.route() == null ? List.of() : interactions(g.route());
    return new Solution(id, prices, List.copyOf(trades), interactions, g.gas());
  }

  private List<LiquidityInteraction> interactions(final Route r) {
    final Map<String, BigInteger> bufferLeft = new HashMap<>();
    final List<LiquidityInteraction> out = new ArrayList<>(r.legs().size());
    for (Route.Leg leg : r.legs()) {
      final String in = market.addresses().get(leg.tokenIn());
      final String outToken = market.addresses().get(leg.tokenOut());
      final CowToken inInfo = auction.tokens().get(in);
      final CowToken outInfo = auction.tokens().get(outToken);
      boolean internalize = false;
      if (inInfo != null && inInfo.trusted() && outInfo != null) {
        final BigInteger left =
            bufferLeft.computeIfAbsent(outToken, t -> outInfo.availableBalance());
        if (left.compareTo(leg.amountOut()) >= 0) {
          internalize = true;
          bufferLeft.put(outToken, left.subtract(leg.amountOut()));
        }
      }
      out.add(
          new LiquidityInteraction(
              market.market().poolId(leg.pool()),
              in,
              outToken,
              leg.amountIn(),
              leg.amountOut(),
              internalize));
    }
    return List.copyOf(out);
  }
}
