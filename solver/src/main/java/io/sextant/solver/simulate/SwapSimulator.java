package io.sextant.solver.simulate;

import io.sextant.feeds.cow.LiquidityCatalog;
import io.sextant.feeds.cow.LoadedPool;
import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.math.univ3.UniswapV3Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulates independent swaps against an auction's liquidity with the exact math: each swap starts
 * from the auction's state, and one that cannot be done gets its reason while the rest go on. Not
 * thread-safe (it reuses its holders).
 */
public final class SwapSimulator {
  private final LiquidityCatalog catalog;
  private final UInt256 amount = new UInt256();
  private final UInt256 limit = new UInt256();
  private final SwapResult result = new SwapResult();

  /** A simulator over {@code catalog}. */
  public SwapSimulator(final LiquidityCatalog catalog) {
    this.catalog = catalog;
  }

  /** Simulates every entry, in order. */
  public List<SwapOutcome> simulate(final List<SwapFileParser.Entry> entries) {
    final List<SwapOutcome> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      final SwapFileParser.Entry e = entries.get(i);
      out.add(e.error() != null ? SwapOutcome.failed(null, e.error()) : simulate(i, e.request()));
    }
    return out;
  }

  /** Simulates one swap; {@code index} names it in errors. */
  public SwapOutcome simulate(final int index, final SwapRequest s) {
    final String where = "swaps[" + index + "]";
    if (s.sellToken().equals(s.buyToken())) {
      return SwapOutcome.failed(s, where + ": sellToken and buyToken are the same");
    }
    final List<LoadedPool> withId = catalog.withId(s.pool());
    if (withId.isEmpty()) {
      return SwapOutcome.failed(s, where + ".pool: unknown liquidity id \"" + s.pool() + "\"");
    }
    final LoadedPool p = catalog.find(s.pool(), s.sellToken(), s.buyToken());
    if (p == null) {
      final LoadedPool any = withId.get(0);
      final String missing = any.tokenIndex(s.sellToken()) < 0 ? "sellToken" : "buyToken";
      final String token = missing.equals("sellToken") ? s.sellToken() : s.buyToken();
      return SwapOutcome.failed(
          s, where + "." + missing + ": pool " + s.pool() + " does not trade " + token);
    }
    if (!p.usable()) {
      return SwapOutcome.failed(s, where + ": pool unusable: " + p.error());
    }
    final int in = p.tokenIndex(s.sellToken());
    final int outIdx = p.tokenIndex(s.buyToken());
    amount.set(s.amount());
    final ExactPool pool = p.pool();
    final boolean ok;
    if (s.sqrtPriceLimitX96() != null) {
      if (!(pool instanceof UniswapV3Pool v3)) {
        return SwapOutcome.failed(
            s,
            where
                + ".sqrtPriceLimitX96: only concentratedLiquidity pools take a price limit, pool "
                + s.pool()
                + " is "
                + p.source().kind());
      }
      limit.set(s.sqrtPriceLimitX96());
      ok = v3.swap(in == 0, s.exactInput(), amount, limit, result);
    } else if (s.exactInput()) {
      ok = pool.exactIn(in, outIdx, amount, result);
    } else {
      ok = pool.exactOut(in, outIdx, amount, result);
    }
    if (!ok) {
      return SwapOutcome.failed(
          s, where + ": pool " + s.pool() + " (" + p.source().kind() + "): " + result.failure());
    }
    return new SwapOutcome(
        s, result.amountIn.toBigInteger(), result.amountOut.toBigInteger(), null);
  }
}
