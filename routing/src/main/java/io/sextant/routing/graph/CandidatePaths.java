package io.sextant.routing.graph;

import java.util.Arrays;

/**
 * Every simple path from a sell token to a buy token of at most {@code maxHops} pools, a pool and a
 * token at most once per path, found by depth-first search over the market's pools. A hop is (pool,
 * its input token index, its output token index). Results live in reusable arrays: path {@code i}
 * has {@link #hops(int)} hops, hop {@code h} in {@link #pool}, {@link #in}, {@link #out}.
 *
 * <p>{@code minDepth} prunes: a hop is skipped when its depth (the native value of the input that
 * moves its marginal rate by 1%, see {@link PoolDepth}) is below it; hops whose depth cannot be
 * valued (no reference price) are kept. Not thread-safe; grows on demand, then allocates nothing.
 */
public final class CandidatePaths {
  private final RoutingMarket market;
  private final int[][] poolsOfToken;
  private final double[] depth;
  private int maxHops;
  private int count;
  private int[] hopCount = new int[64];
  private int[] pools = new int[64 * 4];
  private int[] ins = new int[64 * 4];
  private int[] outs = new int[64 * 4];
  private final int[] stackPool = new int[8];
  private final int[] stackIn = new int[8];
  private final int[] stackOut = new int[8];
  private final boolean[] tokenOnPath;
  private final boolean[] poolOnPath;

  /** Paths over {@code market}; {@code depth} from {@link PoolDepth} (or null: no pruning). */
  public CandidatePaths(final RoutingMarket market, final double[] depth) {
    this.market = market;
    this.depth = depth;
    final int[] n = new int[market.tokenCount()];
    for (int p = 0; p < market.poolCount(); p++) {
      for (int t : market.poolTokens(p)) {
        if (t >= 0) {
          n[t]++;
        }
      }
    }
    poolsOfToken = new int[market.tokenCount()][];
    for (int t = 0; t < n.length; t++) {
      poolsOfToken[t] = new int[n[t]];
      n[t] = 0;
    }
    for (int p = 0; p < market.poolCount(); p++) {
      for (int t : market.poolTokens(p)) {
        if (t >= 0) {
          poolsOfToken[t][n[t]++] = p;
        }
      }
    }
    tokenOnPath = new boolean[market.tokenCount()];
    poolOnPath = new boolean[market.poolCount()];
  }

  /**
   * Finds the paths from {@code sell} to {@code buy} of at most {@code maxHops} (1..8) pools,
   * skipping hops whose depth is known and below {@code minDepth} (native wei); returns the count.
   */
  public int find(final int sell, final int buy, final int maxHops, final double minDepth) {
    this.maxHops = Math.min(maxHops, stackPool.length);
    count = 0;
    if (sell == buy) {
      return 0;
    }
    tokenOnPath[sell] = true;
    dfs(sell, buy, 0, minDepth);
    tokenOnPath[sell] = false;
    return count;
  }

  private void dfs(final int token, final int buy, final int depthSoFar, final double minDepth) {
    if (depthSoFar == maxHops) {
      return;
    }
    for (int p : poolsOfToken[token]) {
      if (poolOnPath[p]) {
        continue;
      }
      final int[] toks = market.poolTokens(p);
      int in = -1;
      for (int i = 0; i < toks.length; i++) {
        if (toks[i] == token) {
          in = i;
        }
      }
      for (int out = 0; out < toks.length; out++) {
        final int next = toks[out];
        if (out == in || next < 0 || tokenOnPath[next] || market.curve(p, in, out) == null) {
          continue;
        }
        if (depth != null) {
          final double d = depth[PoolDepth.index(market, p, in, out)];
          if (d < minDepth) {
            continue;
          }
        }
        stackPool[depthSoFar] = p;
        stackIn[depthSoFar] = in;
        stackOut[depthSoFar] = out;
        if (next == buy) {
          record(depthSoFar + 1);
        } else {
          poolOnPath[p] = true;
          tokenOnPath[next] = true;
          dfs(next, buy, depthSoFar + 1, minDepth);
          poolOnPath[p] = false;
          tokenOnPath[next] = false;
        }
      }
    }
  }

  private void record(final int hops) {
    if (count == hopCount.length) {
      hopCount = Arrays.copyOf(hopCount, count * 2);
      pools = Arrays.copyOf(pools, count * 2 * 8);
      ins = Arrays.copyOf(ins, count * 2 * 8);
      outs = Arrays.copyOf(outs, count * 2 * 8);
    }
    if (pools.length < (count + 1) * 8) {
      pools = Arrays.copyOf(pools, (count + 1) * 16);
      ins = Arrays.copyOf(ins, (count + 1) * 16);
      outs = Arrays.copyOf(outs, (count + 1) * 16);
    }
    hopCount[count] = hops;
    for (int h = 0; h < hops; h++) {
      pools[count * 8 + h] = stackPool[h];
      ins[count * 8 + h] = stackIn[h];
      outs[count * 8 + h] = stackOut[h];
    }
    count++;
  }

  /** Paths found by the last {@link #find}. */
  public int count() {
    return count;
  }

  /** Hops of path {@code i}. */
  public int hops(final int i) {
    return hopCount[i];
  }

  /** Pool of hop {@code h} of path {@code i}. */
  public int pool(final int i, final int h) {
    return pools[i * 8 + h];
  }

  /** The pool's input token index at hop {@code h} of path {@code i}. */
  public int in(final int i, final int h) {
    return ins[i * 8 + h];
  }

  /** The pool's output token index at hop {@code h} of path {@code i}. */
  public int out(final int i, final int h) {
    return outs[i * 8 + h];
  }
}
