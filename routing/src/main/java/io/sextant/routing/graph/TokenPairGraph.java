package io.sextant.routing.graph;

import io.sextant.routing.split.SwapCurve;
import java.util.Arrays;

/**
 * The market's pool directions grouped by ordered token pair, with each token's outgoing and
 * incoming pairs: the graph the candidate-path search walks. Parallel pools between two tokens are
 * one pair (the split optimiser divides among them anyway), so a hub with hundreds of pools costs
 * the search one step per neighbour, not per pool.
 *
 * <p>A direction is (pool, its input token index, its output token index) whose {@link SwapCurve}
 * exists; its {@link #directionSpot spot} is the curve's marginal rate at zero input (output base
 * units per input base unit), and a pair's spot is the best of its directions'. Built once on the
 * cold path from a {@link RoutingMarket}; {@link #refresh} re-reads the spots after pool state
 * changed (the curves must have been refreshed first). Reads are allocation-free; not thread-safe
 * against {@link #refresh}.
 */
public final class TokenPairGraph {
  /**
   * A direction whose whole output is worth less than this (native wei, 1 gwei) is ignored: see
   * {@link #directionSpot}.
   */
  public static final double DUST_WEI = 1e9;

  private final RoutingMarket market;
  private final int pairCount;
  private final int[] pairFrom;
  private final int[] pairTo;
  private final int[] pairDirStart;
  private final double[] pairSpot;
  private final int[] dirPool;
  private final int[] dirIn;
  private final int[] dirOut;
  private final SwapCurve[] dirCurve;
  private final double[] dirSpot;
  private final boolean[] dirUsable;
  private final double[] dirMaxValue;
  private final int[] outStart;
  private final int[] outPair;
  private final int[] inStart;
  private final int[] inPair;

  /** Groups every direction of {@code market} by token pair; reads the pools' current state. */
  public TokenPairGraph(final RoutingMarket market) {
    this.market = market;
    final int tokens = market.tokenCount();
    // Directions keyed by (from token, to token), sorted so that a pair's directions are adjacent.
    int dirs = 0;
    for (int p = 0; p < market.poolCount(); p++) {
      final int[] t = market.poolTokens(p);
      for (int i = 0; i < t.length; i++) {
        for (int j = 0; j < t.length; j++) {
          if (market.curve(p, i, j) != null) {
            dirs++;
          }
        }
      }
    }
    final long[] keyed = new long[dirs];
    final int[] pools = new int[dirs];
    final int[] ins = new int[dirs];
    final int[] outs = new int[dirs];
    int n = 0;
    for (int p = 0; p < market.poolCount(); p++) {
      final int[] t = market.poolTokens(p);
      for (int i = 0; i < t.length; i++) {
        for (int j = 0; j < t.length; j++) {
          if (market.curve(p, i, j) != null) {
            pools[n] = p;
            ins[n] = i;
            outs[n] = j;
            // from·tokens + to in the high bits, the direction number in the low 24.
            keyed[n] = (((long) t[i] * tokens + t[j]) << 24) | n;
            n++;
          }
        }
      }
    }
    Arrays.sort(keyed);
    dirPool = new int[dirs];
    dirIn = new int[dirs];
    dirOut = new int[dirs];
    dirCurve = new SwapCurve[dirs];
    dirSpot = new double[dirs];
    dirUsable = new boolean[dirs];
    dirMaxValue = new double[dirs];
    final int[] from = new int[dirs];
    final int[] to = new int[dirs];
    final int[] start = new int[dirs + 1];
    int pairs = 0;
    long lastPair = -1;
    for (int d = 0; d < dirs; d++) {
      final int k = (int) (keyed[d] & 0xFFFFFF);
      final long pair = keyed[d] >>> 24;
      if (pair != lastPair) {
        from[pairs] = (int) (pair / tokens);
        to[pairs] = (int) (pair % tokens);
        start[pairs] = d;
        pairs++;
        lastPair = pair;
      }
      dirPool[d] = pools[k];
      dirIn[d] = ins[k];
      dirOut[d] = outs[k];
      dirCurve[d] = market.curve(pools[k], ins[k], outs[k]);
    }
    start[pairs] = dirs;
    pairCount = pairs;
    pairFrom = Arrays.copyOf(from, pairs);
    pairTo = Arrays.copyOf(to, pairs);
    pairDirStart = Arrays.copyOf(start, pairs + 1);
    pairSpot = new double[pairs];
    outStart = new int[tokens + 1];
    inStart = new int[tokens + 1];
    for (int q = 0; q < pairs; q++) {
      outStart[pairFrom[q] + 1]++;
      inStart[pairTo[q] + 1]++;
    }
    for (int t = 0; t < tokens; t++) {
      outStart[t + 1] += outStart[t];
      inStart[t + 1] += inStart[t];
    }
    outPair = new int[pairs];
    inPair = new int[pairs];
    final int[] o = Arrays.copyOf(outStart, tokens);
    final int[] in = Arrays.copyOf(inStart, tokens);
    for (int q = 0; q < pairs; q++) {
      outPair[o[pairFrom[q]]++] = q;
      inPair[in[pairTo[q]]++] = q;
    }
    refresh();
  }

  /** Re-reads every direction's spot rate from its curve (refresh the curves first). */
  public void refresh() {
    for (int q = 0; q < pairCount; q++) {
      double best = 0.0;
      for (int d = pairDirStart[q]; d < pairDirStart[q + 1]; d++) {
        final double s = dirCurve[d].capacity() > 0.0 ? dirCurve[d].spot() : 0.0;
        dirUsable[d] = s > 0.0 && Double.isFinite(s);
        dirMaxValue[d] = maxValue(d);
        dirSpot[d] = dirUsable[d] && !dust(d) ? s : 0.0;
        best = Math.max(best, dirSpot[d]);
      }
      pairSpot[q] = best;
    }
  }

  /**
   * Whether direction {@code d} can pay out no more than {@link #DUST_WEI} in total (valued by the
   * output token's reference price; never dust without one). Such pools (a reserve of a few wei
   * against a large one) have absurd spot rates that would make every bound useless, and can add at
   * most that much to any route.
   */
  private boolean dust(final int d) {
    return dirMaxValue[d] < DUST_WEI;
  }

  /** All that direction {@code d} can pay out, in native wei; +∞ without a reference price. */
  private double maxValue(final int d) {
    final double price = market.referencePrice(pairTo[pairOfDirection(d)]);
    if (!(price > 0.0)) {
      return Double.POSITIVE_INFINITY;
    }
    final SwapCurve c = dirCurve[d];
    final double cap = c.capacity();
    final double most = c.output(Double.isFinite(cap) ? cap : 1e60);
    return most >= 0.0 ? most * price : Double.POSITIVE_INFINITY;
  }

  private int pairOfDirection(final int d) {
    int lo = 0;
    int hi = pairCount - 1;
    while (lo < hi) {
      final int mid = (lo + hi + 1) >>> 1;
      if (pairDirStart[mid] <= d) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** The market the graph was built from. */
  public RoutingMarket market() {
    return market;
  }

  /** Number of tokens. */
  public int tokenCount() {
    return market.tokenCount();
  }

  /** Number of ordered token pairs with at least one direction. */
  public int pairCount() {
    return pairCount;
  }

  /** Token sold along pair {@code q}. */
  public int pairFrom(final int q) {
    return pairFrom[q];
  }

  /** Token bought along pair {@code q}. */
  public int pairTo(final int q) {
    return pairTo[q];
  }

  /** Best spot rate of pair {@code q}'s directions (0 when none can trade). */
  public double pairSpot(final int q) {
    return pairSpot[q];
  }

  /** First direction of pair {@code q}; its directions are {@code [first, end)}. */
  public int firstDirection(final int q) {
    return pairDirStart[q];
  }

  /** End (exclusive) of pair {@code q}'s directions. */
  public int endDirection(final int q) {
    return pairDirStart[q + 1];
  }

  /** Pool of direction {@code d}. */
  public int directionPool(final int d) {
    return dirPool[d];
  }

  /** The pool's input token index of direction {@code d}. */
  public int directionIn(final int d) {
    return dirIn[d];
  }

  /** The pool's output token index of direction {@code d}. */
  public int directionOut(final int d) {
    return dirOut[d];
  }

  /** The curve of direction {@code d}. */
  public SwapCurve directionCurve(final int d) {
    return dirCurve[d];
  }

  /**
   * Spot rate of direction {@code d}, output per input base unit; 0 when it cannot trade or its
   * whole output is worth less than {@link #DUST_WEI}.
   */
  public double directionSpot(final int d) {
    return dirSpot[d];
  }

  /**
   * Whether direction {@code d} can trade at all (dust included): single-path evaluation, which
   * needs no bounds, may still use a dust pool for a tiny order.
   */
  public boolean directionUsable(final int d) {
    return dirUsable[d];
  }

  /**
   * All that direction {@code d} can pay out (its output at capacity), in native wei by the output
   * token's reference price; {@code +∞} when that token has none.
   */
  public double directionMaxValue(final int d) {
    return dirMaxValue[d];
  }

  /** First outgoing pair slot of {@code token}; pairs are {@link #outgoingPair} of the range. */
  public int outgoingStart(final int token) {
    return outStart[token];
  }

  /** End (exclusive) of {@code token}'s outgoing pair slots. */
  public int outgoingEnd(final int token) {
    return outStart[token + 1];
  }

  /** The pair in outgoing slot {@code i}. */
  public int outgoingPair(final int i) {
    return outPair[i];
  }

  /** First incoming pair slot of {@code token}. */
  public int incomingStart(final int token) {
    return inStart[token];
  }

  /** End (exclusive) of {@code token}'s incoming pair slots. */
  public int incomingEnd(final int token) {
    return inStart[token + 1];
  }

  /** The pair in incoming slot {@code i}. */
  public int incomingPair(final int i) {
    return inPair[i];
  }
}
