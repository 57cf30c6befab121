package io.sextant.routing.math.balancer;

/**
 * Which {@code FixedPoint.powUp} a weighted pool was compiled with (CoW's {@code version} field).
 */
public enum WeightedPoolVersion {
  /** The original 2021 weighted pools: {@code powUp} always goes through {@code LogExpMath.pow}. */
  V0,
  /**
   * Pools from the V3 weighted factory on: {@code powUp} computes exponents 1, 2 and 4 with plain
   * {@code mulUp} (50/50 and 80/20 pools), and other exponents like {@link #V0}.
   */
  V3_PLUS;

  /** Whether {@code powUp} takes the 1/2/4 shortcuts. */
  public boolean powShortcuts() {
    return this == V3_PLUS;
  }

  /** Cold path: CoW's {@code "v0"} or {@code "v3Plus"}; throws naming the field otherwise. */
  public static WeightedPoolVersion parse(final String field, final String text) {
    return switch (text == null ? "" : text) {
      case "v0" -> V0;
      case "v3Plus" -> V3_PLUS;
      default ->
          throw new IllegalArgumentException(
              field + " must be \"v0\" or \"v3Plus\", not \"" + text + "\"");
    };
  }
}
