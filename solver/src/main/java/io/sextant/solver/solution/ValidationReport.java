package io.sextant.solver.solution;

import java.util.List;

/**
 * The outcome of validating one solution: every rule it breaks (empty when valid) and the surplus
 * of each trade.
 *
 * @param solutionId the solution's id
 * @param violations what is wrong, one sentence each naming the trade or interaction
 * @param trades surplus per trade, in trade order
 */
public record ValidationReport(
    long solutionId, List<String> violations, List<TradeSurplus> trades) {
  /** Whether the solution breaks no rule. */
  public boolean valid() {
    return violations.isEmpty();
  }

  /** Total surplus in native wei ({@code NaN} if a trade's buy token has no valuation price). */
  public double surplusNative() {
    double s = 0.0;
    for (TradeSurplus t : trades) {
      s += t.surplusNative();
    }
    return s;
  }
}
