package io.sextant.portfolio.allocation;

/** A fixed target allocation (e.g. 60/40), checked against constraints. */
public final class FixedTargets {
  private FixedTargets() {}

  /**
   * Returns {@code targets} as an allocation after checking it against the linear constraints and
   * the volatility ceiling.
   *
   * @throws InfeasibleAllocationException if the targets violate {@code c}
   */
  public static Allocation of(
      final double[] targets, final double[][] cov, final AllocationConstraints c) {
    if (!c.admitsLinear(targets, 1e-12)) {
      throw new InfeasibleAllocationException("targets violate the constraints");
    }
    final double vol = Math.sqrt(Allocation.quadratic(cov, targets));
    if (vol > c.targetVolatility()) {
      throw new InfeasibleAllocationException("targets' volatility " + vol + " above the target");
    }
    return new Allocation(targets.clone(), Double.NaN, vol, Double.NaN);
  }
}
