package io.sextant.routing.finalise;

import io.sextant.routing.math.ExactPool;
import io.sextant.routing.math.SwapResult;
import io.sextant.routing.math.curve.CurveStableSwapPool;
import io.sextant.routing.math.limitorder.ForeignLimitOrderPool;
import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.math.univ3.UniswapV3Pool;
import java.util.Arrays;

/**
 * Applies swaps to pools and undoes them, so that a route can be simulated leg by leg on the real
 * pool objects (a pool used twice sees its own earlier trade) and the pools are left exactly as
 * found. Additive families (V2, Balancer) are undone by the reverse transfer; a V3 pool by
 * restoring its price, liquidity and tick; a Curve pool by restoring the two balances the swap
 * moved (its fee and admin fee make trading back inexact); a limit order by returning the amounts.
 * Allocates nothing once its arrays have grown to the longest route. Not thread-safe.
 */
public final class PoolStateLog {
  private int size;
  private ExactPool[] pools = new ExactPool[16];
  private int[] ins = new int[16];
  private int[] outs = new int[16];
  private SwapResult[] saved = results(16);
  // Curve: the balances of the input and output coin before the swap.
  private UInt256[] balanceIn = holders(16);
  private UInt256[] balanceOut = holders(16);

  private static UInt256[] holders(final int n) {
    final UInt256[] h = new UInt256[n];
    for (int i = 0; i < n; i++) {
      h[i] = new UInt256();
    }
    return h;
  }

  private static UInt256[] grow(final UInt256[] old, final int n) {
    final UInt256[] h = holders(n);
    System.arraycopy(old, 0, h, 0, old.length);
    return h;
  }

  private static SwapResult[] results(final int n) {
    final SwapResult[] r = new SwapResult[n];
    for (int i = 0; i < n; i++) {
      r[i] = new SwapResult();
    }
    return r;
  }

  /** Applies {@code r} (just computed by {@code pool}) and logs how to undo it. */
  public void apply(final ExactPool pool, final int in, final int out, final SwapResult r) {
    if (size == pools.length) {
      final int n = size * 2;
      pools = Arrays.copyOf(pools, n);
      ins = Arrays.copyOf(ins, n);
      outs = Arrays.copyOf(outs, n);
      final SwapResult[] s = results(n);
      System.arraycopy(saved, 0, s, 0, size);
      saved = s;
      balanceIn = grow(balanceIn, n);
      balanceOut = grow(balanceOut, n);
    }
    final SwapResult u = saved[size];
    if (pool instanceof UniswapV3Pool v3) {
      u.sqrtPriceAfterX96.set(v3.sqrtPriceX96());
      u.liquidityAfter.set(v3.liquidity());
      u.tickAfter = v3.tick();
    } else if (pool instanceof CurveStableSwapPool curve) {
      balanceIn[size].set(curve.balance(in));
      balanceOut[size].set(curve.balance(out));
    } else {
      // The reverse transfer: what came in goes out and vice versa.
      u.amountIn.set(r.amountOut);
      u.amountOut.set(r.amountIn);
    }
    pools[size] = pool;
    ins[size] = in;
    outs[size] = out;
    size++;
    pool.apply(in, out, r);
  }

  /** Undoes every logged swap, newest first. */
  public void undoAll() {
    while (size > 0) {
      size--;
      final ExactPool p = pools[size];
      final SwapResult u = saved[size];
      if (p instanceof UniswapV3Pool v3) {
        v3.apply(ins[size], outs[size], u);
      } else if (p instanceof CurveStableSwapPool curve) {
        curve.restoreBalance(ins[size], balanceIn[size]);
        curve.restoreBalance(outs[size], balanceOut[size]);
      } else if (p instanceof ForeignLimitOrderPool lo) {
        lo.takerAmount().add(lo.takerAmount(), u.amountOut);
        lo.makerAmount().add(lo.makerAmount(), u.amountIn);
      } else {
        p.apply(outs[size], ins[size], u);
      }
      pools[size] = null;
    }
  }
}
