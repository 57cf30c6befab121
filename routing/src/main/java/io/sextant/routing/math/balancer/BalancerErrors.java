package io.sextant.routing.math.balancer;

/**
 * Failure reasons of the Balancer V2 math, named after the contract's {@code BalancerErrors.sol}
 * codes so that a failed simulation reads like the revert the chain would give. Constant strings:
 * failing allocates nothing.
 */
public final class BalancerErrors {
  /** {@code BAL#000}: checked addition overflowed. */
  public static final String ADD_OVERFLOW = "BAL#000 ADD_OVERFLOW";

  /** {@code BAL#001}: checked subtraction underflowed. */
  public static final String SUB_OVERFLOW = "BAL#001 SUB_OVERFLOW";

  /** {@code BAL#003}: checked multiplication overflowed. */
  public static final String MUL_OVERFLOW = "BAL#003 MUL_OVERFLOW";

  /** {@code BAL#004}: division by zero. */
  public static final String ZERO_DIVISION = "BAL#004 ZERO_DIVISION";

  /** {@code BAL#005}: the 1e18 inflation of a fixed-point dividend overflowed. */
  public static final String DIV_INTERNAL = "BAL#005 DIV_INTERNAL";

  /** {@code BAL#006}: LogExpMath.pow base does not fit int256. */
  public static final String X_OUT_OF_BOUNDS = "BAL#006 X_OUT_OF_BOUNDS";

  /** {@code BAL#007}: LogExpMath.pow exponent at or above 2^254 / 1e20. */
  public static final String Y_OUT_OF_BOUNDS = "BAL#007 Y_OUT_OF_BOUNDS";

  /** {@code BAL#008}: y·ln(x) outside [-41, 130]. */
  public static final String PRODUCT_OUT_OF_BOUNDS = "BAL#008 PRODUCT_OUT_OF_BOUNDS";

  /** {@code BAL#009}: exp argument outside [-41, 130]. */
  public static final String INVALID_EXPONENT = "BAL#009 INVALID_EXPONENT";

  /** {@code BAL#100}: ln of a non-positive number. */
  public static final String OUT_OF_BOUNDS = "BAL#100 OUT_OF_BOUNDS";

  /** {@code BAL#304}: amount in above 30% of the (upscaled) balance in. */
  public static final String MAX_IN_RATIO = "BAL#304 MAX_IN_RATIO";

  /** {@code BAL#305}: amount out above 30% of the (upscaled) balance out. */
  public static final String MAX_OUT_RATIO = "BAL#305 MAX_OUT_RATIO";

  /** {@code BAL#321}: the stable invariant Newton loop did not converge in 255 rounds. */
  public static final String STABLE_INVARIANT_DIDNT_CONVERGE =
      "BAL#321 STABLE_INVARIANT_DIDNT_CONVERGE";

  /** {@code BAL#322}: the stable balance Newton loop did not converge in 255 rounds. */
  public static final String STABLE_GET_BALANCE_DIDNT_CONVERGE =
      "BAL#322 STABLE_GET_BALANCE_DIDNT_CONVERGE";

  private BalancerErrors() {}
}
