package io.sextant.routing.graph;

/**
 * The token paths from a sell token to a buy token of at most {@code maxHops} hops (a token at most
 * once per path) whose <em>spot bound</em> reaches a threshold, found by a depth-first search over
 * a {@link TokenPairGraph} that is pruned by bounds, never by ad-hoc depth limits.
 *
 * <p><b>Bounds.</b> The spot bound of a path is the product of its pairs' best spot rates: buy
 * token per unit of sell token at zero size. Every pool curve is concave, so no amount sent along
 * the path, through any of its pools, ever earns a marginal rate above it. {@link #bounds} fills
 * {@code suffix[h][t]}, the best spot product from {@code t} to the buy token in at most {@code h}
 * hops (a few relaxation passes over the pairs entering the frontier); the search abandons a prefix
 * as soon as {@code prefix × suffix[remaining hops]} falls below the threshold, so it visits only
 * the pairs that can still lead somewhere useful. Rates are relative (buy units per unit of each
 * token), so tokens without a reference price are handled exactly like the others.
 *
 * <p><b>Cap.</b> At most {@code maxPaths} paths are kept, the best by their {@code double} output
 * for the order's amount (a bounded min-heap, so that tiny pools with a high spot rate do not crowd
 * out deep ones). {@link #truncated} says when a path at or above the threshold was left out
 * because of the cap.
 *
 * <p>Results live in reusable arrays: path {@code i} (best output first) has {@link #hops} pairs,
 * {@link #pair}. Not thread-safe; allocates nothing after construction.
 */
public final class CandidatePaths {
  /** Longest path searched. */
  public static final int MAX_HOPS = 6;

  private final TokenPairGraph graph;
  private final double[][] suffix;
  private final int[] touched;
  private int touchedCount;
  private int boundsBuy = -1;
  private int boundsHops;
  private final boolean[] tokenOnPath;
  private final boolean[] onList;
  private final int[] stack = new int[MAX_HOPS];
  private final double[] prefix = new double[MAX_HOPS + 1];
  private final double[] amounts = new double[MAX_HOPS + 1];
  private final double[] marginals = new double[MAX_HOPS + 1];
  private boolean raise;
  private double gasCost;
  private final long[] gasUnits = new long[MAX_HOPS + 1];

  private int maxHops;
  private int buy;
  private int capacity;
  private double threshold;
  private boolean truncated;
  private int[] slotPairs = new int[0];
  private int[] slotHops = new int[0];
  private double[] slotBound = new double[0];
  private double[] slotKey = new double[0];
  private int[] heap = new int[0];
  private int heapSize;
  private int[] order = new int[0];
  private int count;

  /** A search over {@code graph}. */
  public CandidatePaths(final TokenPairGraph graph) {
    this.graph = graph;
    final int n = graph.tokenCount();
    suffix = new double[MAX_HOPS][n];
    touched = new int[n];
    tokenOnPath = new boolean[n];
    onList = new boolean[n];
    ensureCapacity(512);
  }

  private void ensureCapacity(final int paths) {
    if (slotHops.length < paths) {
      slotPairs = new int[paths * MAX_HOPS];
      slotHops = new int[paths];
      slotBound = new double[paths];
      slotKey = new double[paths];
      heap = new int[paths];
      order = new int[paths];
    }
  }

  /** The graph searched. */
  public TokenPairGraph graph() {
    return graph;
  }

  /**
   * Fills the suffix bounds towards {@code buy} for paths of up to {@code maxHops} hops (kept until
   * another buy token or a larger {@code maxHops} is asked for; {@link #invalidate} after the
   * graph's spots changed).
   */
  public void bounds(final int buy, final int maxHops) {
    final int hops = Math.min(Math.max(maxHops, 1), MAX_HOPS);
    if (buy == boundsBuy && hops <= boundsHops) {
      return;
    }
    invalidate();
    boundsBuy = buy;
    boundsHops = hops;
    mark(buy);
    suffix[0][buy] = 1.0;
    // Level h from level h-1: a token keeps its bound and gains the pairs into every token that
    // could already reach the buy token. Only tokens reached so far are visited.
    for (int h = 1; h < hops; h++) {
      final double[] prev = suffix[h - 1];
      final double[] cur = suffix[h];
      final int end = touchedCount;
      for (int k = 0; k < end; k++) {
        cur[touched[k]] = prev[touched[k]];
      }
      for (int k = 0; k < end; k++) {
        final int u = touched[k];
        final double bu = prev[u];
        if (!(bu > 0.0)) {
          continue;
        }
        for (int s = graph.incomingStart(u); s < graph.incomingEnd(u); s++) {
          final int q = graph.incomingPair(s);
          final int t = graph.pairFrom(q);
          if (t == buy) {
            continue;
          }
          final double v = graph.pairSpot(q) * bu;
          if (!onList[t]) {
            mark(t);
          }
          if (v > cur[t]) {
            cur[t] = v;
          }
        }
      }
    }
  }

  private void mark(final int t) {
    onList[t] = true;
    touched[touchedCount++] = t;
  }

  /** Forgets the cached suffix bounds (call after the graph's spots changed). */
  public void invalidate() {
    for (int k = 0; k < touchedCount; k++) {
      final int t = touched[k];
      onList[t] = false;
      for (int h = 0; h < MAX_HOPS; h++) {
        suffix[h][t] = 0.0;
      }
    }
    touchedCount = 0;
    boundsBuy = -1;
    boundsHops = 0;
  }

  /**
   * The best spot product from {@code token} to the buy token of the last {@link #bounds} in at
   * most {@code hops} hops, an upper bound on any marginal rate along such a path (0 if none).
   */
  public double suffix(final int token, final int hops) {
    if (hops < 0) {
      return 0.0;
    }
    return suffix[Math.min(hops, boundsHops - 1)][token];
  }

  /**
   * Finds the paths from {@code sell} to {@code buy} of at most {@code maxHops} hops whose spot
   * bound reaches the threshold (buy units per sell unit), keeping the best {@code maxPaths} by
   * their {@code double} output for {@code amount}; returns how many. Computes the bounds if
   * needed.
   *
   * <p>With {@code raiseThreshold} and {@code amount > 0} the threshold also rises, during the
   * search, to the marginal rate at {@code amount} of every path found (the best pool per hop): the
   * optimum's marginal rate is at least that of any single path carrying the whole amount, so paths
   * bounded below it cannot be used. {@link #threshold()} gives the final threshold.
   */
  public int find(
      final int sell,
      final int buy,
      final int maxHops,
      final double threshold,
      final int maxPaths,
      final double amount,
      final boolean raiseThreshold,
      final double gasCost) {
    this.maxHops = Math.min(Math.max(maxHops, 1), MAX_HOPS);
    this.buy = buy;
    this.threshold = threshold;
    this.capacity = Math.max(1, maxPaths);
    this.raise = raiseThreshold && amount > 0.0;
    this.gasCost = gasCost;
    ensureCapacity(capacity);
    truncated = false;
    heapSize = 0;
    count = 0;
    if (sell == buy) {
      return 0;
    }
    bounds(buy, this.maxHops);
    tokenOnPath[sell] = true;
    prefix[0] = 1.0;
    amounts[0] = amount > 0.0 ? amount : 1.0;
    marginals[0] = 1.0;
    gasUnits[0] = 0L;
    dfs(sell, 0);
    tokenOnPath[sell] = false;
    // Paths recorded before the threshold rose past their bound are dropped; best output first.
    count = 0;
    for (int i = 0; i < heapSize; i++) {
      if (slotBound[heap[i]] >= this.threshold) {
        order[count++] = heap[i];
      }
    }
    for (int i = 1; i < count; i++) {
      final int s = order[i];
      int j = i - 1;
      while (j >= 0 && slotKey[order[j]] < slotKey[s]) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = s;
    }
    return count;
  }

  /** The threshold the last {@link #find} ended with (raised by the paths it found). */
  public double threshold() {
    return threshold;
  }

  private void dfs(final int token, final int depth) {
    final int remaining = maxHops - depth - 1;
    final double[] after = suffix[Math.max(remaining, 0)];
    for (int s = graph.outgoingStart(token); s < graph.outgoingEnd(token); s++) {
      final int q = graph.outgoingPair(s);
      final int next = graph.pairTo(q);
      if (tokenOnPath[next]) {
        continue;
      }
      final double p = prefix[depth] * graph.pairSpot(q);
      final double b = next == buy ? p : remaining > 0 ? p * after[next] : 0.0;
      if (!(b > 0.0) || b < threshold) {
        continue;
      }
      // The best pool of the pair for the amount reaching it: the path's output and marginal.
      final double x = amounts[depth];
      double bestOut = 0.0;
      int best = -1;
      for (int d = graph.firstDirection(q); d < graph.endDirection(q); d++) {
        if (graph.directionSpot(d) > 0.0) {
          final double o = graph.directionCurve(d).output(x);
          if (best < 0 || o > bestOut) {
            bestOut = o;
            best = d;
          }
        }
      }
      final double m = bestOut > 0.0 ? graph.directionCurve(best).marginal(x) : 0.0;
      stack[depth] = q;
      if (next == buy) {
        final double rate = marginals[depth] * m;
        if (raise && rate > threshold) {
          threshold = rate * (1.0 - 1e-9);
        }
        final double key =
            bestOut
                - (best < 0
                    ? 0.0
                    : gasCost
                        * (gasUnits[depth] + graph.market().gasUnits(graph.directionPool(best))));
        if (heapSize == capacity && key <= slotKey[heap[0]]) {
          truncated = true;
        } else {
          record(depth + 1, p, key);
        }
      } else {
        prefix[depth + 1] = p;
        amounts[depth + 1] = bestOut > 0.0 ? bestOut : Double.MIN_NORMAL;
        marginals[depth + 1] = marginals[depth] * m;
        gasUnits[depth + 1] =
            gasUnits[depth] + (best < 0 ? 0L : graph.market().gasUnits(graph.directionPool(best)));
        tokenOnPath[next] = true;
        dfs(next, depth + 1);
        tokenOnPath[next] = false;
      }
    }
  }

  private void record(final int hops, final double bound, final double key) {
    if (heapSize < capacity) {
      final int slot = heapSize;
      writeSlot(slot, hops, bound, key);
      heap[heapSize] = slot;
      siftUp(heapSize++);
    } else {
      truncated = true;
      writeSlot(heap[0], hops, bound, key);
      siftDown(0);
    }
  }

  private void writeSlot(final int slot, final int hops, final double bound, final double key) {
    slotHops[slot] = hops;
    slotBound[slot] = bound;
    slotKey[slot] = key;
    System.arraycopy(stack, 0, slotPairs, slot * MAX_HOPS, hops);
  }

  private void siftUp(final int i) {
    int k = i;
    final int s = heap[k];
    while (k > 0) {
      final int parent = (k - 1) >>> 1;
      if (slotKey[heap[parent]] <= slotKey[s]) {
        break;
      }
      heap[k] = heap[parent];
      k = parent;
    }
    heap[k] = s;
  }

  private void siftDown(final int i) {
    int k = i;
    final int s = heap[k];
    while (true) {
      int c = 2 * k + 1;
      if (c >= heapSize) {
        break;
      }
      if (c + 1 < heapSize && slotKey[heap[c + 1]] < slotKey[heap[c]]) {
        c++;
      }
      if (slotKey[heap[c]] >= slotKey[s]) {
        break;
      }
      heap[k] = heap[c];
      k = c;
    }
    heap[k] = s;
  }

  /** Output estimate of path {@code i} for the amount of the last {@link #find}. */
  public double output(final int i) {
    return slotKey[order[i]];
  }

  /** Paths found by the last {@link #find}, best output first. */
  public int count() {
    return count;
  }

  /** Whether the last {@link #find} left out a path at or above its threshold (the cap). */
  public boolean truncated() {
    return truncated;
  }

  /** Hops of path {@code i}. */
  public int hops(final int i) {
    return slotHops[order[i]];
  }

  /** Pair of hop {@code h} of path {@code i}. */
  public int pair(final int i, final int h) {
    return slotPairs[order[i] * MAX_HOPS + h];
  }

  /** Spot bound of path {@code i}: the product of its pairs' best spots. */
  public double bound(final int i) {
    return slotBound[order[i]];
  }

  @Override
  public String toString() {
    return "CandidatePaths[" + count + " paths" + (truncated ? ", truncated" : "") + "]";
  }
}
