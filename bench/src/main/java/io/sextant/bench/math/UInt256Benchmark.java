package io.sextant.bench.math;

import io.sextant.routing.math.u256.UInt256;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The 256-bit primitives every swap is built from: a 128×128 multiply, a full-width mulDiv (512-bit
 * intermediate, Knuth division) and a single-limb division.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class UInt256Benchmark {
  private final UInt256 a = new UInt256();
  private final UInt256 b = new UInt256();
  private final UInt256 d = new UInt256();
  private final UInt256 small = new UInt256();
  private final UInt256 r = new UInt256();

  /** Q64.96-sized operands like those of Uniswap V3's SqrtPriceMath. */
  @Setup
  public void setUp() {
    a.set(new BigInteger("3791734960592596606015").shiftLeft(96));
    b.set(new BigInteger("2951129598777661232406054438494"));
    d.set(new BigInteger("2951129598777661232406054438494").add(BigInteger.TEN.pow(20)));
    small.setUnsignedLong(1_000_000_000_000_000_000L);
  }

  /** 128-bit × 128-bit product. */
  @Benchmark
  public UInt256 mul() {
    r.mul(b, b);
    return r;
  }

  /** ⌊a·b/d⌋ with a 512-bit intermediate. */
  @Benchmark
  public UInt256 mulDiv() {
    r.mulDiv(a, b, d);
    return r;
  }

  /** ⌊a/1e18⌋: the FixedPoint division shape. */
  @Benchmark
  public UInt256 divBySingleLimb() {
    r.div(a, small);
    return r;
  }
}
