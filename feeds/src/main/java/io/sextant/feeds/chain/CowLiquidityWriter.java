package io.sextant.feeds.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.state.PoolSnapshot;
import io.sextant.routing.state.PoolStateStore;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes a {@link ChainFeed}'s tracked state as a CoW solver-engine {@code liquidity} array ({@code
 * constantProduct} and {@code concentratedLiquidity} entries, as {@code CowAuctionParser} reads
 * them). Stale pools are written too, with their last known state, and listed by {@link #stale}.
 * Routers and gas estimates are the mainnet Uniswap ones the CoW driver reports.
 */
public final class CowLiquidityWriter {
  /** Uniswap V2 Router02. */
  public static final String V2_ROUTER = "0x7a250d5630b4cf539739df2c5dacb4c659f2488d";

  /** Uniswap SwapRouter02. */
  public static final String V3_ROUTER = "0x68b3465833fb72a70ecdf485e0e4c7bd8665fc45";

  private CowLiquidityWriter() {}

  /**
   * The liquidity array of every pool the feed follows that the CoW format can express, ids {@code
   * "0"}, {@code "1"}, ... by feed index (Curve pools have no CoW kind and are left out: see {@link
   * #notExpressible}).
   */
  public static ArrayNode liquidity(final ChainFeed feed, final ObjectMapper mapper) {
    final ArrayNode out = mapper.createArrayNode();
    final PoolStateStore store = feed.store();
    final PoolSnapshot s = store.newSnapshot();
    final UInt256 w = new UInt256();
    final List<ChainFeed.PoolInfo> pools = feed.pools();
    for (int i = 0; i < pools.size(); i++) {
      final ChainFeed.PoolInfo p = pools.get(i);
      if (ChainFeed.CURVE.equals(p.kind())) {
        continue;
      }
      final int status = store.read(p.slot(), s);
      if (status < 0) {
        throw new IllegalStateException("pool " + p.address() + " unreadable: status " + status);
      }
      final ObjectNode n = out.addObject();
      n.put("id", Integer.toString(i));
      n.put("address", p.address().toLowerCase(java.util.Locale.ROOT));
      final BigDecimal fee = p.fee().stripTrailingZeros();
      switch (p.kind()) {
        case ChainFeed.UNISWAP_V2 -> {
          n.put("kind", "constantProduct");
          n.put("gasEstimate", "90171");
          n.put("router", V2_ROUTER);
          final ObjectNode tokens = n.putObject("tokens");
          tokens.putObject(p.token0()).put("balance", s.balance(0, w).toString());
          tokens.putObject(p.token1()).put("balance", s.balance(1, w).toString());
        }
        case ChainFeed.UNISWAP_V3 -> {
          n.put("kind", "concentratedLiquidity");
          n.put("gasEstimate", "108163");
          n.put("router", V3_ROUTER);
          n.putArray("tokens").add(p.token0()).add(p.token1());
          n.put("sqrtPrice", s.sqrtPriceX96(w).toString());
          n.put("liquidity", s.liquidity(w).toString());
          n.put("tick", s.tick());
          final ObjectNode net = n.putObject("liquidityNet");
          for (int t = 0; t < s.tickCount(); t++) {
            net.put(
                Integer.toString(s.tickAt(t)),
                s.liquidityNetAt(t, w).toSignedBigInteger().toString());
          }
        }
        default -> balancer(n, p, s, w);
      }
      n.put("fee", fee.toPlainString());
    }
    return out;
  }

  /** A Balancer pool: scaling factors as 10^(18 − decimals), weights and amp as decimals. */
  private static void balancer(
      final ObjectNode n, final ChainFeed.PoolInfo p, final PoolSnapshot s, final UInt256 w) {
    final boolean weighted = ChainFeed.BALANCER_WEIGHTED.equals(p.kind());
    final int count = p.tokens().size();
    n.put("kind", weighted ? "weightedProduct" : "stable");
    n.put("gasEstimate", "88892");
    n.put("balancerPoolId", p.poolId());
    final ObjectNode tokens = n.putObject("tokens");
    for (int i = 0; i < count; i++) {
      final ObjectNode t = tokens.putObject(p.tokens().get(i));
      t.put("balance", s.word(i, w).toString());
      t.put(
          "scalingFactor",
          new BigDecimal(s.word(count + i, w).toBigInteger(), 18)
              .stripTrailingZeros()
              .toPlainString());
      if (weighted) {
        t.put(
            "weight",
            new BigDecimal(s.word(2 * count + i, w).toBigInteger(), 18)
                .stripTrailingZeros()
                .toPlainString());
      }
    }
    if (weighted) {
      n.put("version", p.variant());
    } else {
      n.put(
          "amplificationParameter",
          new BigDecimal(s.word(2 * count, w).toBigInteger(), 3)
              .stripTrailingZeros()
              .toPlainString());
    }
  }

  /** Addresses of followed pools the CoW liquidity format cannot express (Curve). */
  public static List<String> notExpressible(final ChainFeed feed) {
    return feed.pools().stream()
        .filter(p -> ChainFeed.CURVE.equals(p.kind()))
        .map(ChainFeed.PoolInfo::address)
        .toList();
  }

  /** Addresses of the pools currently stale. */
  public static List<String> stale(final ChainFeed feed) {
    final PoolStateStore store = feed.store();
    final PoolSnapshot s = store.newSnapshot();
    return feed.pools().stream()
        .filter(p -> store.read(p.slot(), s) == PoolStateStore.STALE)
        .map(ChainFeed.PoolInfo::address)
        .toList();
  }
}
