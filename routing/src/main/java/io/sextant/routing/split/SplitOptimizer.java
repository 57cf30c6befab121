package io.sextant.routing.split;

import java.util.Arrays;

/**
 * The optimal split of one exact-input order over a set of pool directions ("edges") between local
 * tokens, in {@code double}: maximise the buy token received for {@code amountIn} of the sell
 * token, each pool moving once whatever the number of paths through it. Token 0 is the sell token,
 * token 1 the buy token; edges go from a token to another and never leave the buy token.
 *
 * <p><b>Method: the CFMM routing dual</b> (Angeris et al.; Diamandis et al., CFMMRouter). With one
 * price {@code ν_t} per token ({@code ν_buy = 1}) each edge solves its own arbitrage in closed form
 * — sell until the marginal rate falls to {@code ν_from/ν_to} ({@link SwapCurve#inputForMarginal})
 * — and the dual {@code g(ν) = ν_sell·A + Σ_e (ν_to·out_e − ν_from·in_e)} is convex with gradient
 * the token surpluses. It is minimised by a damped Newton method (the Hessian is assembled from
 * per-edge 2×2 blocks, {@code dx/dρ} by central differences) with a backtracking line search. Every
 * iteration recovers a feasible primal: tokens in topological order of the edges that trade (an
 * arbitrage cycle loses its thinnest edge), each token's balance spread over its outgoing edges in
 * proportion to the dual's amounts, capped by capacity. By weak duality {@code g(ν) ≥ optimum ≥
 * primal}; the loop stops when the gap is below {@code 1e-11} relative or half a base unit of the
 * buy token, after 200 iterations, or when the gap has not halved in 40 or not moved by a millionth
 * of itself in 6 (stalled).
 *
 * <p>Reusable: {@link #reset}, {@link #addEdge}, {@link #solve}; arrays grow on demand and are then
 * reused, so a warmed optimiser allocates nothing. Not thread-safe.
 */
public final class SplitOptimizer {
  private static final double GAP_TOLERANCE = 1e-11;
  private static final int MAX_ITERATIONS = 200;
  private static final int STALL_ITERATIONS = 40;
  private static final int FLAT_ITERATIONS = 12;
  private static final double UNIT_GAP = 0.5;
  private static final double H = 1e-6;

  private int tokens;
  private int edges;
  private int[] from = new int[16];
  private int[] to = new int[16];
  private SwapCurve[] curve = new SwapCurve[16];
  private boolean[] enabled = new boolean[16];
  private double[] plan = new double[16];
  private double[] dx = new double[16];
  private double[] flow = new double[16];
  private double[] flowOut = new double[16];
  private int[] edgeOrder = new int[16];
  private int orderedEdges;

  private double[] nu = new double[8];
  private double[] hint = new double[8];
  private double[] trial = new double[8];
  private double[] grad = new double[8];
  private double[] avail = new double[8];
  private double[] outSum = new double[8];
  private int[] indegree = new int[8];
  private int[] queue = new int[8];
  private boolean[] done = new boolean[8];
  private double[] hess = new double[64];
  private double[] rhs = new double[8];
  private double[] step = new double[8];
  private int[] varOf = new int[8];

  private double amountIn;
  private double bestPrimal;
  private double bestDual;
  private double[] bestFlow = new double[16];
  private double[] bestFlowOut = new double[16];
  private int[] bestOrder = new int[16];
  private int bestOrdered;
  private int iterations;
  private int solvedTokens = -1;

  /** Starts a new problem over {@code tokenCount ≥ 2} local tokens. */
  public SplitOptimizer reset(final int tokenCount) {
    tokens = tokenCount;
    solvedTokens = -1;
    edges = 0;
    Arrays.fill(hint, 0.0);
    if (nu.length < tokenCount) {
      final int n = Math.max(tokenCount, nu.length * 2);
      nu = new double[n];
      hint = new double[n];
      trial = new double[n];
      grad = new double[n];
      avail = new double[n];
      outSum = new double[n];
      indegree = new int[n];
      queue = new int[n];
      done = new boolean[n];
      rhs = new double[n];
      step = new double[n];
      varOf = new int[n];
      hess = new double[n * n];
    }
    return this;
  }

  /**
   * Adds the edge selling local token {@code fromToken} for {@code toToken}; returns its number.
   */
  public int addEdge(final int fromToken, final int toToken, final SwapCurve c) {
    if (edges == from.length) {
      final int n = edges * 2;
      from = Arrays.copyOf(from, n);
      to = Arrays.copyOf(to, n);
      curve = Arrays.copyOf(curve, n);
      enabled = Arrays.copyOf(enabled, n);
      plan = Arrays.copyOf(plan, n);
      dx = Arrays.copyOf(dx, n);
      flow = Arrays.copyOf(flow, n);
      flowOut = Arrays.copyOf(flowOut, n);
      edgeOrder = Arrays.copyOf(edgeOrder, n);
      bestFlow = Arrays.copyOf(bestFlow, n);
      bestFlowOut = Arrays.copyOf(bestFlowOut, n);
      bestOrder = Arrays.copyOf(bestOrder, n);
    }
    from[edges] = fromToken;
    to[edges] = toToken;
    curve[edges] = c;
    enabled[edges] = true;
    return edges++;
  }

  /** Number of edges. */
  public int edgeCount() {
    return edges;
  }

  /** Enables or disables edge {@code e} for the next {@link #solve}. */
  public void enable(final int e, final boolean on) {
    enabled[e] = on;
  }

  /** Whether edge {@code e} is enabled. */
  public boolean enabled(final int e) {
    return enabled[e];
  }

  /**
   * Solves for {@code amountIn > 0} base units of the sell token; returns the buy token received
   * (base units, {@code double}) by the best feasible split found.
   */
  public double solve(final double amountIn) {
    return solve(amountIn, false);
  }

  /**
   * {@link #solve} starting from the last solve's prices instead of the hints: for a problem that
   * differs a little from the last one (an edge disabled, another amount), where Newton's method
   * from the old optimum needs a handful of iterations instead of dozens. Falls back to a cold
   * start when there was no usable last solve.
   */
  public double resolve(final double amountIn) {
    return solve(amountIn, solvedTokens == tokens);
  }

  private double solve(final double amountIn, final boolean warm) {
    this.amountIn = amountIn;
    iterations = 0;
    bestPrimal = -1.0;
    bestDual = Double.POSITIVE_INFINITY;
    boolean usable = warm;
    for (int t = 0; usable && t < tokens; t++) {
      usable = nu[t] > 0.0 && Double.isFinite(nu[t]);
    }
    if (!usable) {
      initialPrices();
    }
    solvedTokens = tokens;
    double g = evaluate(nu);
    recover();
    double stallGap = Double.POSITIVE_INFINITY;
    int stallIt = 0;
    double flatGap = Double.POSITIVE_INFINITY;
    int flatIt = 0;
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      iterations = it + 1;
      final double gap = bestDual - bestPrimal;
      // Converged: relatively, or to less than half a base unit of the buy token (the plan's
      // amounts are integers; no iterate can gain a unit).
      if (gap <= Math.max(GAP_TOLERANCE * Math.max(bestPrimal, 1e-300), UNIT_GAP)) {
        break;
      }
      // Stalled: the gap has not halved in STALL_ITERATIONS, or has not moved by a millionth of
      // itself in FLAT_ITERATIONS (curves whose double rounding the dual cannot see through);
      // more iterations would only cost time.
      if (gap < 0.5 * stallGap) {
        stallGap = gap;
        stallIt = it;
      } else if (it - stallIt >= STALL_ITERATIONS) {
        break;
      }
      if (gap < flatGap * (1.0 - 1e-6)) {
        flatGap = gap;
        flatIt = it;
      } else if (it - flatIt >= FLAT_ITERATIONS) {
        break;
      }
      newtonStep();
      // Step limit: prices stay positive (at least a fifth of their value).
      double alpha = 1.0;
      for (int t = 0; t < tokens; t++) {
        if (t != 1 && step[t] < 0.0) {
          alpha = Math.min(alpha, -0.8 * nu[t] / step[t]);
        }
      }
      double slope = 0.0;
      for (int t = 0; t < tokens; t++) {
        if (t != 1) {
          slope += grad[t] * step[t];
        }
      }
      boolean moved = false;
      for (int ls = 0; ls < 30; ls++) {
        for (int t = 0; t < tokens; t++) {
          trial[t] = t == 1 ? 1.0 : nu[t] + alpha * step[t];
        }
        final double gt = evaluate(trial);
        if (gt <= g + 1e-4 * alpha * Math.min(slope, 0.0) || gt < g) {
          System.arraycopy(trial, 0, nu, 0, tokens);
          g = gt;
          moved = true;
          break;
        }
        alpha *= 0.5;
      }
      if (!moved) {
        evaluate(nu);
        break;
      }
      recover();
    }
    return bestPrimal;
  }

  private void initialPrices() {
    // Hinted prices first (reference prices: spot rates of tiny pools can be absurd and would
    // start the dual far from its optimum); the rest propagated back from the buy token along the
    // best marginal rate of any path.
    Arrays.fill(nu, 0, tokens, 0.0);
    nu[1] = 1.0;
    boolean hinted = false;
    for (int t = 0; t < tokens; t++) {
      if (t != 1 && hint[t] > 0.0) {
        nu[t] = hint[t];
        hinted = true;
      }
    }
    for (int round = 0; round < tokens; round++) {
      boolean changed = false;
      for (int e = 0; e < edges; e++) {
        if (!enabled[e] || nu[to[e]] <= 0.0 || from[e] == 1 || (hinted && hint[from[e]] > 0.0)) {
          continue;
        }
        final double v = curve[e].spot() * nu[to[e]];
        if (v > nu[from[e]]) {
          nu[from[e]] = v;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    for (int t = 0; t < tokens; t++) {
      if (!(nu[t] > 0.0) || Double.isInfinite(nu[t])) {
        nu[t] = t == 1 ? 1.0 : Double.MIN_NORMAL;
      }
    }
  }

  /**
   * Suggests the starting dual price of local token {@code t} (buy-token units per unit; 0: none),
   * e.g. from reference prices; kept until {@link #reset}.
   */
  public void priceHint(final int t, final double price) {
    hint[t] = price;
  }

  /** The dual at prices {@code p}; fills {@link #plan} and {@link #grad}. */
  private double evaluate(final double[] p) {
    Arrays.fill(grad, 0, tokens, 0.0);
    grad[0] = amountIn;
    double g = p[0] * amountIn;
    for (int e = 0; e < edges; e++) {
      if (!enabled[e]) {
        plan[e] = 0.0;
        continue;
      }
      final double rho = p[from[e]] / p[to[e]];
      final double x = curve[e].inputForMarginal(rho);
      final double f = curve[e].output(x);
      plan[e] = x;
      grad[from[e]] -= x;
      grad[to[e]] += f;
      g += p[to[e]] * f - p[from[e]] * x;
    }
    if (g < bestDual) {
      bestDual = g;
    }
    return g;
  }

  private void newtonStep() {
    int m = 0;
    for (int t = 0; t < tokens; t++) {
      varOf[t] = -1;
    }
    // Curvature per token: which ones the linear system can move.
    Arrays.fill(outSum, 0, tokens, 0.0);
    for (int e = 0; e < edges; e++) {
      if (!enabled[e]) {
        dx[e] = 0.0;
        continue;
      }
      final double rho = nu[from[e]] / nu[to[e]];
      final double hi = curve[e].inputForMarginal(rho * (1.0 + H));
      final double lo = curve[e].inputForMarginal(rho * (1.0 - H));
      dx[e] = (hi - lo) / (2.0 * H * rho);
      final double c = -dx[e] / nu[to[e]];
      outSum[from[e]] += c;
      if (to[e] != 1) {
        outSum[to[e]] += c * rho * rho;
      }
    }
    for (int t = 0; t < tokens; t++) {
      if (t != 1 && outSum[t] > 0.0 && Double.isFinite(outSum[t])) {
        varOf[t] = m++;
      }
    }
    Arrays.fill(hess, 0, m * m, 0.0);
    for (int e = 0; e < edges; e++) {
      if (!enabled[e] || dx[e] == 0.0) {
        continue;
      }
      final double rho = nu[from[e]] / nu[to[e]];
      final double c = -dx[e] / nu[to[e]];
      final int a = varOf[from[e]];
      final int b = to[e] == 1 ? -1 : varOf[to[e]];
      if (a >= 0) {
        hess[a * m + a] += c;
      }
      if (b >= 0) {
        hess[b * m + b] += c * rho * rho;
      }
      if (a >= 0 && b >= 0) {
        hess[a * m + b] -= c * rho;
        hess[b * m + a] -= c * rho;
      }
    }
    for (int t = 0; t < tokens; t++) {
      final int v = varOf[t];
      if (v >= 0) {
        hess[v * m + v] *= 1.0 + 1e-10;
        rhs[v] = -grad[t];
      }
    }
    final boolean solved = m > 0 && solveLinear(m);
    for (int t = 0; t < tokens; t++) {
      if (t == 1) {
        step[t] = 0.0;
      } else if (varOf[t] >= 0 && solved) {
        step[t] = rhs[varOf[t]];
      } else {
        // No curvature: a token in surplus is too dear, one in deficit too cheap.
        step[t] = grad[t] > 0.0 ? -0.5 * nu[t] : grad[t] < 0.0 ? nu[t] : 0.0;
      }
    }
  }

  /** Gaussian elimination with partial pivoting on {@link #hess}; the solution replaces rhs. */
  private boolean solveLinear(final int m) {
    for (int k = 0; k < m; k++) {
      int piv = k;
      double best = Math.abs(hess[k * m + k]);
      for (int i = k + 1; i < m; i++) {
        final double v = Math.abs(hess[i * m + k]);
        if (v > best) {
          best = v;
          piv = i;
        }
      }
      if (!(best > 0.0)) {
        return false;
      }
      if (piv != k) {
        for (int j = 0; j < m; j++) {
          final double tmp = hess[k * m + j];
          hess[k * m + j] = hess[piv * m + j];
          hess[piv * m + j] = tmp;
        }
        final double tmp = rhs[k];
        rhs[k] = rhs[piv];
        rhs[piv] = tmp;
      }
      final double d = hess[k * m + k];
      for (int i = k + 1; i < m; i++) {
        final double f = hess[i * m + k] / d;
        if (f == 0.0) {
          continue;
        }
        for (int j = k; j < m; j++) {
          hess[i * m + j] -= f * hess[k * m + j];
        }
        rhs[i] -= f * rhs[k];
      }
    }
    for (int k = m - 1; k >= 0; k--) {
      double s = rhs[k];
      for (int j = k + 1; j < m; j++) {
        s -= hess[k * m + j] * rhs[j];
      }
      rhs[k] = s / hess[k * m + k];
      if (!Double.isFinite(rhs[k])) {
        return false;
      }
    }
    return true;
  }

  /** Feasible flows from the current {@link #plan}; keeps the best seen. */
  private void recover() {
    Arrays.fill(indegree, 0, tokens, 0);
    Arrays.fill(done, 0, tokens, false);
    Arrays.fill(avail, 0, tokens, 0.0);
    Arrays.fill(outSum, 0, tokens, 0.0);
    for (int e = 0; e < edges; e++) {
      flow[e] = plan[e] > 0.0 ? plan[e] : 0.0;
      flowOut[e] = 0.0;
      if (flow[e] > 0.0) {
        indegree[to[e]]++;
      }
    }
    avail[0] = amountIn;
    orderedEdges = 0;
    int processed = 0;
    while (processed < tokens) {
      int t = -1;
      for (int i = 0; i < tokens; i++) {
        if (!done[i] && indegree[i] == 0) {
          t = i;
          break;
        }
      }
      if (t < 0) {
        breakThinnestCycleEdge();
        continue;
      }
      done[t] = true;
      processed++;
      double planned = 0.0;
      for (int e = 0; e < edges; e++) {
        if (from[e] == t && flow[e] > 0.0) {
          planned += flow[e];
        }
      }
      final double scale = planned > 0.0 ? avail[t] / planned : 0.0;
      for (int e = 0; e < edges; e++) {
        if (from[e] != t || flow[e] <= 0.0) {
          continue;
        }
        final double x = Math.min(flow[e] * scale, curve[e].capacity());
        flow[e] = x;
        if (x > 0.0) {
          flowOut[e] = curve[e].output(x);
          avail[to[e]] += flowOut[e];
          edgeOrder[orderedEdges++] = e;
        }
        indegree[to[e]]--;
      }
    }
    final double v = avail[1];
    if (v > bestPrimal) {
      bestPrimal = v;
      System.arraycopy(flow, 0, bestFlow, 0, edges);
      System.arraycopy(flowOut, 0, bestFlowOut, 0, edges);
      System.arraycopy(edgeOrder, 0, bestOrder, 0, orderedEdges);
      bestOrdered = orderedEdges;
    }
  }

  private void breakThinnestCycleEdge() {
    int thinnest = -1;
    for (int e = 0; e < edges; e++) {
      if (flow[e] > 0.0 && !done[from[e]] && !done[to[e]]) {
        if (thinnest < 0 || flow[e] < flow[thinnest]) {
          thinnest = e;
        }
      }
    }
    if (thinnest < 0) {
      // Only edges from processed tokens remain: unreachable; mark everything done.
      for (int i = 0; i < tokens; i++) {
        indegree[i] = 0;
      }
      return;
    }
    flow[thinnest] = 0.0;
    indegree[to[thinnest]]--;
  }

  /**
   * The best product of spot rates over the enabled edges from the sell token to the buy token (buy
   * units per sell unit): no split earns more per unit sold.
   */
  public double spotBound() {
    final double[] saved = hint;
    hint = trial;
    Arrays.fill(trial, 0.0);
    initialPrices();
    hint = saved;
    final double b = nu[0];
    return b > Double.MIN_NORMAL ? b : 0.0;
  }

  /** Input (base units of its input token) of edge {@code e} in the best split found. */
  public double flow(final int e) {
    return bestFlow[e];
  }

  /** Capacity of edge {@code e}'s curve (base units of its input token, possibly infinite). */
  public double capacity(final int e) {
    return curve[e].capacity();
  }

  /** Output of edge {@code e} in the best split found. */
  public double flowOut(final int e) {
    return bestFlowOut[e];
  }

  /** Number of trading edges in the best split, in execution order. */
  public int orderedEdgeCount() {
    return bestOrdered;
  }

  /** The {@code i}-th trading edge in execution order (its input token is already funded). */
  public int orderedEdge(final int i) {
    return bestOrder[i];
  }

  /** Upper bound on the optimum from the dual (base units of the buy token). */
  public double dualBound() {
    return bestDual;
  }

  /** Newton iterations of the last solve. */
  public int iterations() {
    return iterations;
  }

  /** Local price of token {@code t} in buy-token units per unit, at the last iterate. */
  public double price(final int t) {
    return nu[t];
  }

  /** Local token sold by edge {@code e}. */
  public int from(final int e) {
    return from[e];
  }

  /** Local token bought by edge {@code e}. */
  public int to(final int e) {
    return to[e];
  }
}
