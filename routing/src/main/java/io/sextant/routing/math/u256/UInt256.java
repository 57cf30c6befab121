package io.sextant.routing.math.u256;

import java.math.BigInteger;

/**
 * A mutable 256-bit integer on four {@code long} limbs: the EVM word.
 *
 * <p>Values are unsigned by default ({@code uint256}); the same bits read as two's complement give
 * {@code int256} ({@link #isNegative()}, {@link #sar}, {@link #setSigned}), because wrapping
 * addition, subtraction and multiplication are identical for both readings.
 *
 * <p>Every operation writes into {@code this} and takes its operands as arguments, which may alias
 * {@code this}. Checked operations return {@code true} on success and {@code false} where Solidity
 * would revert (overflow, underflow, division by zero); on {@code false} the holder's value is
 * unspecified. Nothing here allocates after the first division on a holder (which creates its
 * scratch digits once), so kernels keep a few holders and reuse them.
 *
 * <p>Not thread-safe: a holder belongs to one thread at a time.
 */
public final class UInt256 implements Comparable<UInt256> {
  private static final long DIGIT_MASK = 0xFFFF_FFFFL;

  /** Limbs, least significant first. */
  long w0;

  long w1;
  long w2;
  long w3;

  /** Division scratch, created on first use and reused: 512-bit dividend, divisor, quotient. */
  private long[] un;

  private long[] vn;
  private long[] qd;

  /** A holder whose value is zero. */
  public UInt256() {}

  /** A holder whose value is {@code value}, read as unsigned. */
  public static UInt256 ofUnsignedLong(final long value) {
    return new UInt256().setUnsignedLong(value);
  }

  /** Cold path: a holder for a non-negative {@code BigInteger} below 2^256. */
  public static UInt256 of(final BigInteger value) {
    return new UInt256().set(value);
  }

  /** Cold path: a holder for a decimal string; throws if it is not a uint256. */
  public static UInt256 parse(final CharSequence decimal) {
    final UInt256 v = new UInt256();
    if (!v.parseDecimal(decimal)) {
      throw new NumberFormatException("not a uint256: " + decimal);
    }
    return v;
  }

  // ---------------------------------------------------------------- setters

  /** Copies {@code other}. */
  public UInt256 set(final UInt256 other) {
    w0 = other.w0;
    w1 = other.w1;
    w2 = other.w2;
    w3 = other.w3;
    return this;
  }

  /** Sets the value to the 64 bits of {@code value} read as unsigned. */
  public UInt256 setUnsignedLong(final long value) {
    w0 = value;
    w1 = 0;
    w2 = 0;
    w3 = 0;
    return this;
  }

  /** Sets the value to {@code value} sign-extended to 256 bits (an {@code int256}). */
  public UInt256 setSigned(final long value) {
    final long ext = value >> 63;
    w0 = value;
    w1 = ext;
    w2 = ext;
    w3 = ext;
    return this;
  }

  /** Sets the limbs directly, least significant first. */
  public UInt256 setLimbs(final long l0, final long l1, final long l2, final long l3) {
    w0 = l0;
    w1 = l1;
    w2 = l2;
    w3 = l3;
    return this;
  }

  /** Sets zero. */
  public UInt256 setZero() {
    w0 = 0;
    w1 = 0;
    w2 = 0;
    w3 = 0;
    return this;
  }

  /** Sets 2^256 − 1. */
  public UInt256 setMax() {
    w0 = -1L;
    w1 = -1L;
    w2 = -1L;
    w3 = -1L;
    return this;
  }

  /** Sets 2^bit; {@code bit} in [0, 255]. */
  public UInt256 setPowerOfTwo(final int bit) {
    setZero();
    final long b = 1L << (bit & 63);
    switch (bit >>> 6) {
      case 0 -> w0 = b;
      case 1 -> w1 = b;
      case 2 -> w2 = b;
      default -> w3 = b;
    }
    return this;
  }

  /**
   * Cold path: sets a {@code BigInteger}. Negative values are stored as two's complement; throws
   * {@link ArithmeticException} if the value does not fit 256 bits (signed or unsigned).
   */
  public UInt256 set(final BigInteger value) {
    if (value.signum() >= 0 ? value.bitLength() > 256 : value.bitLength() > 255) {
      throw new ArithmeticException("does not fit 256 bits: " + value);
    }
    w0 = value.longValue();
    w1 = value.shiftRight(64).longValue();
    w2 = value.shiftRight(128).longValue();
    w3 = value.shiftRight(192).longValue();
    return this;
  }

  /**
   * Parses a non-negative decimal integer without allocating. Returns {@code false} (value
   * unspecified) if the text is empty, holds a non-digit, or exceeds 2^256 − 1.
   */
  public boolean parseDecimal(final CharSequence text) {
    final int len = text.length();
    if (len == 0) {
      return false;
    }
    setZero();
    for (int i = 0; i < len; i++) {
      final int d = text.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (!mulSmallAdd(10, d)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Parses {@code 0x}-prefixed hexadecimal without allocating; {@code false} on bad digits or more
   * than 64 significant hex digits.
   */
  public boolean parseHex(final CharSequence text) {
    final int len = text.length();
    if (len < 3 || text.charAt(0) != '0' || (text.charAt(1) != 'x' && text.charAt(1) != 'X')) {
      return false;
    }
    setZero();
    for (int i = 2; i < len; i++) {
      final int d = Character.digit(text.charAt(i), 16);
      if (d < 0 || (w3 >>> 60) != 0) {
        return false;
      }
      w3 = (w3 << 4) | (w2 >>> 60);
      w2 = (w2 << 4) | (w1 >>> 60);
      w1 = (w1 << 4) | (w0 >>> 60);
      w0 = (w0 << 4) | d;
    }
    return true;
  }

  // ---------------------------------------------------------------- queries

  /** Limb {@code i} (0 is least significant). */
  public long limb(final int i) {
    return switch (i) {
      case 0 -> w0;
      case 1 -> w1;
      case 2 -> w2;
      case 3 -> w3;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  /** Whether the value is zero. */
  public boolean isZero() {
    return (w0 | w1 | w2 | w3) == 0;
  }

  /** Whether the value, read as {@code int256}, is negative. */
  public boolean isNegative() {
    return w3 < 0;
  }

  /** Whether the unsigned value is below 2^bits; {@code bits} in [0, 256]. */
  public boolean fitsBits(final int bits) {
    return bitLength() <= bits;
  }

  /** Whether the unsigned value fits a non-negative {@code long} (below 2^63). */
  public boolean fitsLong() {
    return (w1 | w2 | w3) == 0 && w0 >= 0;
  }

  /** Number of significant bits of the unsigned value: 0 for zero, 256 when the top bit is set. */
  public int bitLength() {
    if (w3 != 0) {
      return 256 - Long.numberOfLeadingZeros(w3);
    }
    if (w2 != 0) {
      return 192 - Long.numberOfLeadingZeros(w2);
    }
    if (w1 != 0) {
      return 128 - Long.numberOfLeadingZeros(w1);
    }
    return 64 - Long.numberOfLeadingZeros(w0);
  }

  /** Whether bit {@code bit} (0 is least significant) is set. */
  public boolean testBit(final int bit) {
    return ((limb(bit >>> 6) >>> (bit & 63)) & 1L) != 0;
  }

  /** The low 64 bits. */
  public long low64() {
    return w0;
  }

  /** Unsigned comparison. */
  @Override
  public int compareTo(final UInt256 o) {
    if (w3 != o.w3) {
      return Long.compareUnsigned(w3, o.w3);
    }
    if (w2 != o.w2) {
      return Long.compareUnsigned(w2, o.w2);
    }
    if (w1 != o.w1) {
      return Long.compareUnsigned(w1, o.w1);
    }
    return Long.compareUnsigned(w0, o.w0);
  }

  /** Signed ({@code int256}) comparison. */
  public int compareSigned(final UInt256 o) {
    if (w3 != o.w3) {
      return Long.compare(w3, o.w3);
    }
    return compareTo(o);
  }

  /** Unsigned comparison with a {@code long} read as unsigned. */
  public int compareToUnsignedLong(final long v) {
    if ((w1 | w2 | w3) != 0) {
      return 1;
    }
    return Long.compareUnsigned(w0, v);
  }

  /** Whether the two values are equal. */
  public boolean eq(final UInt256 o) {
    return w0 == o.w0 && w1 == o.w1 && w2 == o.w2 && w3 == o.w3;
  }

  @Override
  public boolean equals(final Object o) {
    return o instanceof UInt256 u && eq(u);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(w0 ^ w1 * 31 ^ w2 * 961 ^ w3 * 29791);
  }

  // ---------------------------------------------------------------- add / sub

  /** {@code this = a + b}; {@code false} on unsigned overflow (value wrapped mod 2^256). */
  public boolean add(final UInt256 a, final UInt256 b) {
    final long s0 = a.w0 + b.w0;
    long c = Long.compareUnsigned(s0, a.w0) < 0 ? 1 : 0;
    final long t1 = a.w1 + b.w1;
    final long c1 = Long.compareUnsigned(t1, a.w1) < 0 ? 1 : 0;
    final long s1 = t1 + c;
    c = c1 | (Long.compareUnsigned(s1, t1) < 0 ? 1 : 0);
    final long t2 = a.w2 + b.w2;
    final long c2 = Long.compareUnsigned(t2, a.w2) < 0 ? 1 : 0;
    final long s2 = t2 + c;
    c = c2 | (Long.compareUnsigned(s2, t2) < 0 ? 1 : 0);
    final long t3 = a.w3 + b.w3;
    final long c3 = Long.compareUnsigned(t3, a.w3) < 0 ? 1 : 0;
    final long s3 = t3 + c;
    c = c3 | (Long.compareUnsigned(s3, t3) < 0 ? 1 : 0);
    w0 = s0;
    w1 = s1;
    w2 = s2;
    w3 = s3;
    return c == 0;
  }

  /** {@code this = a + v} for an unsigned {@code long}; {@code false} on overflow. */
  public boolean addUnsignedLong(final UInt256 a, final long v) {
    final long s0 = a.w0 + v;
    long c = Long.compareUnsigned(s0, a.w0) < 0 ? 1 : 0;
    final long s1 = a.w1 + c;
    c = (c != 0 && s1 == 0) ? 1 : 0;
    final long s2 = a.w2 + c;
    c = (c != 0 && s2 == 0) ? 1 : 0;
    final long s3 = a.w3 + c;
    c = (c != 0 && s3 == 0) ? 1 : 0;
    w0 = s0;
    w1 = s1;
    w2 = s2;
    w3 = s3;
    return c == 0;
  }

  /** {@code this = a − b}; {@code false} on unsigned underflow (value wrapped mod 2^256). */
  public boolean sub(final UInt256 a, final UInt256 b) {
    final long d0 = a.w0 - b.w0;
    long br = Long.compareUnsigned(a.w0, b.w0) < 0 ? 1 : 0;
    final long t1 = a.w1 - b.w1;
    final long b1 = Long.compareUnsigned(a.w1, b.w1) < 0 ? 1 : 0;
    final long d1 = t1 - br;
    br = b1 | (Long.compareUnsigned(t1, br) < 0 ? 1 : 0);
    final long t2 = a.w2 - b.w2;
    final long b2 = Long.compareUnsigned(a.w2, b.w2) < 0 ? 1 : 0;
    final long d2 = t2 - br;
    br = b2 | (Long.compareUnsigned(t2, br) < 0 ? 1 : 0);
    final long t3 = a.w3 - b.w3;
    final long b3 = Long.compareUnsigned(a.w3, b.w3) < 0 ? 1 : 0;
    final long d3 = t3 - br;
    br = b3 | (Long.compareUnsigned(t3, br) < 0 ? 1 : 0);
    w0 = d0;
    w1 = d1;
    w2 = d2;
    w3 = d3;
    return br == 0;
  }

  /** {@code this = a − v} for an unsigned {@code long}; {@code false} on underflow. */
  public boolean subUnsignedLong(final UInt256 a, final long v) {
    final long d0 = a.w0 - v;
    long br = Long.compareUnsigned(a.w0, v) < 0 ? 1 : 0;
    final long d1 = a.w1 - br;
    br = (br != 0 && a.w1 == 0) ? 1 : 0;
    final long d2 = a.w2 - br;
    br = (br != 0 && a.w2 == 0) ? 1 : 0;
    final long d3 = a.w3 - br;
    br = (br != 0 && a.w3 == 0) ? 1 : 0;
    w0 = d0;
    w1 = d1;
    w2 = d2;
    w3 = d3;
    return br == 0;
  }

  /** {@code this = −a} mod 2^256 (two's complement negation). */
  public UInt256 negate(final UInt256 a) {
    final long n0 = ~a.w0;
    final long n1 = ~a.w1;
    final long n2 = ~a.w2;
    final long n3 = ~a.w3;
    w0 = n0;
    w1 = n1;
    w2 = n2;
    w3 = n3;
    addUnsignedLong(this, 1);
    return this;
  }

  /**
   * {@code this = a + b} as {@code int256}; {@code false} on signed overflow (Solidity 0.8 checked
   * int256 addition).
   */
  public boolean addSigned(final UInt256 a, final UInt256 b) {
    final boolean an = a.isNegative();
    final boolean bn = b.isNegative();
    add(a, b);
    return an != bn || isNegative() == an;
  }

  /** {@code this = a − b} as {@code int256}; {@code false} on signed overflow. */
  public boolean subSigned(final UInt256 a, final UInt256 b) {
    final boolean an = a.isNegative();
    final boolean bn = b.isNegative();
    sub(a, b);
    return an == bn || isNegative() == an;
  }

  // ---------------------------------------------------------------- multiplication

  /** {@code this = a · b}; {@code false} if the product exceeds 2^256 − 1 (low 256 bits kept). */
  public boolean mul(final UInt256 a, final UInt256 b) {
    final long a0 = a.w0, a1 = a.w1, a2 = a.w2, a3 = a.w3;
    final long b0 = b.w0, b1 = b.w1, b2 = b.w2, b3 = b.w3;
    // Partial products a_i·b_j with i + j ≥ 4 lie wholly above bit 256.
    boolean overflow =
        (a3 != 0 && (b1 | b2 | b3) != 0) || (a2 != 0 && (b2 | b3) != 0) || (a1 != 0 && b3 != 0);
    long lo, hi, s, c;

    // Row b0: r = a · b0.
    final long r0 = a0 * b0;
    c = Math.unsignedMultiplyHigh(a0, b0);
    lo = a1 * b0;
    long r1 = lo + c;
    c = Math.unsignedMultiplyHigh(a1, b0) + (Long.compareUnsigned(r1, lo) < 0 ? 1 : 0);
    lo = a2 * b0;
    long r2 = lo + c;
    c = Math.unsignedMultiplyHigh(a2, b0) + (Long.compareUnsigned(r2, lo) < 0 ? 1 : 0);
    lo = a3 * b0;
    long r3 = lo + c;
    c = Math.unsignedMultiplyHigh(a3, b0) + (Long.compareUnsigned(r3, lo) < 0 ? 1 : 0);
    overflow |= c != 0;

    // Row b1, shifted one limb: each step adds x·y + r + c, whose high half cannot overflow.
    lo = a0 * b1;
    hi = Math.unsignedMultiplyHigh(a0, b1);
    s = lo + r1;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    r1 = s;
    c = hi;
    lo = a1 * b1;
    hi = Math.unsignedMultiplyHigh(a1, b1);
    s = lo + r2;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    r2 = s + c;
    hi += Long.compareUnsigned(r2, s) < 0 ? 1 : 0;
    c = hi;
    lo = a2 * b1;
    hi = Math.unsignedMultiplyHigh(a2, b1);
    s = lo + r3;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    r3 = s + c;
    hi += Long.compareUnsigned(r3, s) < 0 ? 1 : 0;
    overflow |= hi != 0;

    // Row b2, shifted two limbs.
    lo = a0 * b2;
    hi = Math.unsignedMultiplyHigh(a0, b2);
    s = lo + r2;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    r2 = s;
    c = hi;
    lo = a1 * b2;
    hi = Math.unsignedMultiplyHigh(a1, b2);
    s = lo + r3;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    r3 = s + c;
    hi += Long.compareUnsigned(r3, s) < 0 ? 1 : 0;
    overflow |= hi != 0;

    // Row b3, shifted three limbs.
    lo = a0 * b3;
    hi = Math.unsignedMultiplyHigh(a0, b3);
    s = lo + r3;
    hi += Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
    r3 = s;
    overflow |= hi != 0;

    w0 = r0;
    w1 = r1;
    w2 = r2;
    w3 = r3;
    return !overflow;
  }

  /**
   * {@code this = a · v} for an unsigned {@code long v}; {@code false} if the product exceeds 2^256
   * − 1 (low 256 bits kept). The one-row case of {@link #mul}: fee factors and other constants.
   */
  public boolean mulUnsignedLong(final UInt256 a, final long v) {
    final long a0 = a.w0, a1 = a.w1, a2 = a.w2, a3 = a.w3;
    final long r0 = a0 * v;
    long c = Math.unsignedMultiplyHigh(a0, v);
    long lo = a1 * v;
    final long r1 = lo + c;
    c = Math.unsignedMultiplyHigh(a1, v) + (Long.compareUnsigned(r1, lo) < 0 ? 1 : 0);
    lo = a2 * v;
    final long r2 = lo + c;
    c = Math.unsignedMultiplyHigh(a2, v) + (Long.compareUnsigned(r2, lo) < 0 ? 1 : 0);
    lo = a3 * v;
    final long r3 = lo + c;
    c = Math.unsignedMultiplyHigh(a3, v) + (Long.compareUnsigned(r3, lo) < 0 ? 1 : 0);
    w0 = r0;
    w1 = r1;
    w2 = r2;
    w3 = r3;
    return c == 0;
  }

  /**
   * {@code this = this · m + add} for small unsigned {@code m} and {@code add}; {@code false} on
   * overflow. Used by decimal parsing.
   */
  private boolean mulSmallAdd(final long m, final long add) {
    long lo = w0 * m;
    long hi = Math.unsignedMultiplyHigh(w0, m);
    final long n0 = lo + add;
    long carry = hi + (Long.compareUnsigned(n0, lo) < 0 ? 1 : 0);
    lo = w1 * m;
    hi = Math.unsignedMultiplyHigh(w1, m);
    final long n1 = lo + carry;
    carry = hi + (Long.compareUnsigned(n1, lo) < 0 ? 1 : 0);
    lo = w2 * m;
    hi = Math.unsignedMultiplyHigh(w2, m);
    final long n2 = lo + carry;
    carry = hi + (Long.compareUnsigned(n2, lo) < 0 ? 1 : 0);
    lo = w3 * m;
    hi = Math.unsignedMultiplyHigh(w3, m);
    final long n3 = lo + carry;
    carry = hi + (Long.compareUnsigned(n3, lo) < 0 ? 1 : 0);
    w0 = n0;
    w1 = n1;
    w2 = n2;
    w3 = n3;
    return carry == 0;
  }

  // ---------------------------------------------------------------- shifts and bits

  /** {@code this = a << n} mod 2^256, {@code n ≥ 0}. */
  public UInt256 shl(final UInt256 a, final int n) {
    if (n >= 256) {
      return setZero();
    }
    long l0 = a.w0, l1 = a.w1, l2 = a.w2, l3 = a.w3;
    final int limbs = n >>> 6;
    for (int i = 0; i < limbs; i++) {
      l3 = l2;
      l2 = l1;
      l1 = l0;
      l0 = 0;
    }
    final int s = n & 63;
    if (s != 0) {
      l3 = (l3 << s) | (l2 >>> (64 - s));
      l2 = (l2 << s) | (l1 >>> (64 - s));
      l1 = (l1 << s) | (l0 >>> (64 - s));
      l0 = l0 << s;
    }
    return setLimbs(l0, l1, l2, l3);
  }

  /** {@code this = a >>> n} (logical), {@code n ≥ 0}. */
  public UInt256 shr(final UInt256 a, final int n) {
    if (n >= 256) {
      return setZero();
    }
    long l0 = a.w0, l1 = a.w1, l2 = a.w2, l3 = a.w3;
    final int limbs = n >>> 6;
    for (int i = 0; i < limbs; i++) {
      l0 = l1;
      l1 = l2;
      l2 = l3;
      l3 = 0;
    }
    final int s = n & 63;
    if (s != 0) {
      l0 = (l0 >>> s) | (l1 << (64 - s));
      l1 = (l1 >>> s) | (l2 << (64 - s));
      l2 = (l2 >>> s) | (l3 << (64 - s));
      l3 = l3 >>> s;
    }
    return setLimbs(l0, l1, l2, l3);
  }

  /** {@code this = a >> n} (arithmetic, {@code int256}), {@code n ≥ 0}. */
  public UInt256 sar(final UInt256 a, final int n) {
    final long ext = a.w3 >> 63;
    if (n >= 256) {
      return setLimbs(ext, ext, ext, ext);
    }
    long l0 = a.w0, l1 = a.w1, l2 = a.w2, l3 = a.w3;
    final int limbs = n >>> 6;
    for (int i = 0; i < limbs; i++) {
      l0 = l1;
      l1 = l2;
      l2 = l3;
      l3 = ext;
    }
    final int s = n & 63;
    if (s != 0) {
      l0 = (l0 >>> s) | (l1 << (64 - s));
      l1 = (l1 >>> s) | (l2 << (64 - s));
      l2 = (l2 >>> s) | (l3 << (64 - s));
      l3 = l3 >> s;
    }
    return setLimbs(l0, l1, l2, l3);
  }

  /** {@code this = a & b}. */
  public UInt256 and(final UInt256 a, final UInt256 b) {
    return setLimbs(a.w0 & b.w0, a.w1 & b.w1, a.w2 & b.w2, a.w3 & b.w3);
  }

  /** {@code this = a | b}. */
  public UInt256 or(final UInt256 a, final UInt256 b) {
    return setLimbs(a.w0 | b.w0, a.w1 | b.w1, a.w2 | b.w2, a.w3 | b.w3);
  }

  /** {@code this = ~a}. */
  public UInt256 not(final UInt256 a) {
    return setLimbs(~a.w0, ~a.w1, ~a.w2, ~a.w3);
  }

  // ---------------------------------------------------------------- division

  /** {@code this = ⌊a / b⌋}; {@code false} if {@code b} is zero. */
  public boolean div(final UInt256 a, final UInt256 b) {
    return divide(a.w0, a.w1, a.w2, a.w3, 0, 0, 0, 0, b, false, false);
  }

  /**
   * {@code this = ⌈a / b⌉}; {@code false} if {@code b} is zero (Uniswap's
   * UnsafeMath.divRoundingUp).
   */
  public boolean divRoundingUp(final UInt256 a, final UInt256 b) {
    return divide(a.w0, a.w1, a.w2, a.w3, 0, 0, 0, 0, b, true, false);
  }

  /** {@code this = a mod b}; {@code false} if {@code b} is zero. */
  public boolean mod(final UInt256 a, final UInt256 b) {
    return divide(a.w0, a.w1, a.w2, a.w3, 0, 0, 0, 0, b, false, true);
  }

  /**
   * {@code this = ⌊a · b / d⌋} with a full 512-bit intermediate (Uniswap's FullMath.mulDiv); {@code
   * false} if {@code d} is zero or the quotient exceeds 2^256 − 1.
   */
  public boolean mulDiv(final UInt256 a, final UInt256 b, final UInt256 d) {
    return mulDivInternal(a, b, d, false);
  }

  /**
   * {@code this = ⌈a · b / d⌉} (FullMath.mulDivRoundingUp); {@code false} if {@code d} is zero or
   * the result exceeds 2^256 − 1.
   */
  public boolean mulDivRoundingUp(final UInt256 a, final UInt256 b, final UInt256 d) {
    return mulDivInternal(a, b, d, true);
  }

  /**
   * {@code this = (a · b) mod d} with a 512-bit intermediate (EVM MULMOD); {@code false} if d = 0.
   */
  public boolean mulMod(final UInt256 a, final UInt256 b, final UInt256 d) {
    product512(a, b);
    return divideScratch(d, false, true);
  }

  /** The division scratch, created on first use: {@code un} has room for a normalised dividend. */
  private long[] scratch() {
    long[] u = un;
    if (u == null) {
      u = un = new long[9];
      vn = new long[10];
      qd = new long[8];
    }
    return u;
  }

  /** Writes the 512-bit product {@code a · b} into {@code un[0..7]}. */
  private void product512(final UInt256 a, final UInt256 b) {
    final long[] p = scratch();
    final long a0 = a.w0, a1 = a.w1, a2 = a.w2, a3 = a.w3;
    final long b0 = b.w0, b1 = b.w1, b2 = b.w2, b3 = b.w3;
    // Row a0 sets p[0..4]; the other rows add into it (and skip when their limb is zero, the common
    // case for the ≤ 160-bit operands of the swap kernels).
    long lo = a0 * b0;
    long c = Math.unsignedMultiplyHigh(a0, b0);
    p[0] = lo;
    lo = a0 * b1;
    long s = lo + c;
    c = Math.unsignedMultiplyHigh(a0, b1) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    p[1] = s;
    lo = a0 * b2;
    s = lo + c;
    c = Math.unsignedMultiplyHigh(a0, b2) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    p[2] = s;
    lo = a0 * b3;
    s = lo + c;
    c = Math.unsignedMultiplyHigh(a0, b3) + (Long.compareUnsigned(s, lo) < 0 ? 1 : 0);
    p[3] = s;
    p[4] = c;
    p[5] = 0;
    p[6] = 0;
    p[7] = 0;
    mulAddRow(p, 1, a1, b0, b1, b2, b3);
    mulAddRow(p, 2, a2, b0, b1, b2, b3);
    mulAddRow(p, 3, a3, b0, b1, b2, b3);
  }

  /** p[off..off+4] += x · (b0,b1,b2,b3), where p[off+4] is still zero; no carry leaves it. */
  private static void mulAddRow(
      final long[] p,
      final int off,
      final long x,
      final long b0,
      final long b1,
      final long b2,
      final long b3) {
    if (x == 0) {
      return;
    }
    long carry = 0;
    for (int j = 0; j < 4; j++) {
      final long bj = j == 0 ? b0 : j == 1 ? b1 : j == 2 ? b2 : b3;
      final long lo = x * bj;
      final long hi = Math.unsignedMultiplyHigh(x, bj);
      final long s = p[off + j] + lo;
      long c = Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
      final long s2 = s + carry;
      c += Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
      p[off + j] = s2;
      carry = hi + c; // cannot overflow: hi ≤ 2^64 − 2
    }
    // Rows are added in order a0, a1, a2, a3, so p[off + 4] has received nothing yet: the partial
    // sum a_0..a_i · b is below 2^(64·(off + 5)).
    p[off + 4] = carry;
  }

  private boolean mulDivInternal(
      final UInt256 a, final UInt256 b, final UInt256 d, final boolean roundUp) {
    if (d.isZero()) {
      return false;
    }
    product512(a, b);
    if (Long.bitCount(d.w0) + Long.bitCount(d.w1) + Long.bitCount(d.w2) + Long.bitCount(d.w3)
        == 1) {
      // A power-of-two divisor (Q96 in SqrtPriceMath.getAmount1Delta): a shift is the quotient.
      return shiftScratchRight(d.bitLength() - 1, roundUp);
    }
    return divideScratch(d, roundUp, false);
  }

  /**
   * {@code this = ⌊un / 2^k⌋} (or the ceiling) for the 512-bit {@code un[0..7]}, {@code k < 256}:
   * exactly the division by {@code 2^k}, whose remainder is the bits shifted out.
   */
  private boolean shiftScratchRight(final int k, final boolean roundUp) {
    final long[] u = un;
    final int ks = k >>> 6;
    final int bs = k & 63;
    // The quotient is bits [k, k + 256) of u; any bit at or above k + 256 means it overflows.
    for (int j = ks + 5; j < 8; j++) {
      if (u[j] != 0) {
        return false;
      }
    }
    if ((bs == 0 ? u[ks + 4] : u[ks + 4] >>> bs) != 0) {
      return false;
    }
    boolean remainderNonZero = bs != 0 && (u[ks] << (64 - bs)) != 0;
    for (int j = 0; j < ks; j++) {
      remainderNonZero |= u[j] != 0;
    }
    if (bs == 0) {
      setLimbs(u[ks], u[ks + 1], u[ks + 2], u[ks + 3]);
    } else {
      setLimbs(
          (u[ks] >>> bs) | (u[ks + 1] << (64 - bs)),
          (u[ks + 1] >>> bs) | (u[ks + 2] << (64 - bs)),
          (u[ks + 2] >>> bs) | (u[ks + 3] << (64 - bs)),
          (u[ks + 3] >>> bs) | (u[ks + 4] << (64 - bs)));
    }
    return !(roundUp && remainderNonZero) || addUnsignedLong(this, 1);
  }

  /** Divides the 512-bit {@code n0..n7} by {@code d}; see {@link #divideScratch}. */
  private boolean divide(
      final long n0,
      final long n1,
      final long n2,
      final long n3,
      final long n4,
      final long n5,
      final long n6,
      final long n7,
      final UInt256 d,
      final boolean roundUp,
      final boolean wantRemainder) {
    final long[] u = scratch();
    u[0] = n0;
    u[1] = n1;
    u[2] = n2;
    u[3] = n3;
    u[4] = n4;
    u[5] = n5;
    u[6] = n6;
    u[7] = n7;
    return divideScratch(d, roundUp, wantRemainder);
  }

  /**
   * Divides the 512-bit value in {@code un[0..7]} by {@code d} (the scratch is overwritten). Writes
   * the quotient (rounded up if asked) or the remainder. Returns {@code false} for a zero divisor
   * or a quotient above 2^256 − 1.
   *
   * <p>Knuth's algorithm D on 64-bit limbs, with each quotient limb estimated through a precomputed
   * reciprocal of the normalised divisor (Möller and Granlund, "Improved division by invariant
   * integers", IEEE Trans. Computers 2011), so no hardware divide runs per digit. One- and two-limb
   * divisors (every Uniswap V2 denominator, most V3 ones) take the paper's exact 2-by-1 and 3-by-2
   * divisions instead, which need neither Knuth's estimate refinement nor its add-back.
   */
  private boolean divideScratch(
      final UInt256 d, final boolean roundUp, final boolean wantRemainder) {
    final int n = d.w3 != 0 ? 4 : d.w2 != 0 ? 3 : d.w1 != 0 ? 2 : d.w0 != 0 ? 1 : 0;
    if (n == 0) {
      return false;
    }
    final long[] u = un;
    int m = 8;
    while (m > 0 && u[m - 1] == 0) {
      m--;
    }
    if (m < n) {
      // Dividend below divisor: quotient zero, remainder the dividend (which fits 256 bits).
      if (wantRemainder) {
        setLimbs(u[0], u[1], u[2], u[3]);
        return true;
      }
      setZero();
      return !roundUp || m == 0 || addUnsignedLong(this, 1);
    }
    if (m == 1) {
      // Both fit one limb: the hardware divides directly.
      final long q = Long.divideUnsigned(u[0], d.w0);
      final long r = u[0] - q * d.w0;
      if (wantRemainder) {
        setUnsignedLong(r);
        return true;
      }
      setUnsignedLong(q);
      return !roundUp || r == 0 || addUnsignedLong(this, 1);
    }
    final long[] v = vn;
    final long[] q = qd;
    v[0] = d.w0;
    v[1] = d.w1;
    v[2] = d.w2;
    v[3] = d.w3;
    // Normalise so the divisor's top bit is set; the dividend gains a limb, u[m], which is below
    // 2^s ≤ the top divisor limb, so the first partial remainder is below the divisor.
    final int s = Long.numberOfLeadingZeros(v[n - 1]);
    if (s != 0) {
      for (int i = n - 1; i > 0; i--) {
        v[i] = (v[i] << s) | (v[i - 1] >>> (64 - s));
      }
      v[0] <<= s;
      u[m] = u[m - 1] >>> (64 - s);
      for (int i = m - 1; i > 0; i--) {
        u[i] = (u[i] << s) | (u[i - 1] >>> (64 - s));
      }
      u[0] <<= s;
    } else {
      u[m] = 0;
    }
    for (int i = 0; i < 8; i++) {
      q[i] = 0;
    }
    boolean remainderNonZero;
    if (n == 1) {
      // Schoolbook division by one limb: each step divides (r, u[j]) with r < d by d exactly.
      final long d0 = v[0];
      final long recip = cachedReciprocal(0, d0);
      long r = u[m];
      for (int j = m - 1; j >= 0; j--) {
        final long uj = u[j];
        final long qj = div2by1(r, uj, d0, recip);
        q[j] = qj;
        r = uj - qj * d0; // the true remainder is below d < 2^64, so its low limb is all of it
      }
      if (wantRemainder) {
        setUnsignedLong(r >>> s);
        return true;
      }
      remainderNonZero = r != 0;
    } else if (n == 2) {
      // Division by two limbs: each step divides (r1, r0, u[j]) with (r1, r0) < (d1, d0) by
      // (d1, d0) exactly (Möller–Granlund 3-by-2), leaving the next two-limb remainder.
      final long d1 = v[1];
      final long d0 = v[0];
      final long recip = cachedReciprocal(d1, d0);
      long r1 = u[m];
      long r0 = u[m - 1];
      for (int j = m - 2; j >= 0; j--) {
        final long u0 = u[j];
        // (q1, q0) = recip · r1 + (r1, r0)
        long q0 = recip * r1;
        long q1 = Math.unsignedMultiplyHigh(recip, r1);
        final long sum = q0 + r0;
        q1 += r1 + (Long.compareUnsigned(sum, q0) < 0 ? 1 : 0);
        q0 = sum;
        // (hi, lo) = ((r0 − q1·d1), u0) − q1·d0 − (d1, d0), mod β²
        final long t0 = d0 * q1;
        final long t1 = Math.unsignedMultiplyHigh(d0, q1);
        long hi = r0 - q1 * d1;
        long lo = u0 - t0;
        hi -= t1 + (Long.compareUnsigned(u0, t0) < 0 ? 1 : 0);
        final long lo2 = lo - d0;
        hi -= d1 + (Long.compareUnsigned(lo, d0) < 0 ? 1 : 0);
        lo = lo2;
        q1++;
        if (Long.compareUnsigned(hi, q0) >= 0) {
          q1--;
          final long add = lo + d0;
          hi += d1 + (Long.compareUnsigned(add, lo) < 0 ? 1 : 0);
          lo = add;
        }
        if (Long.compareUnsigned(hi, d1) > 0 || (hi == d1 && Long.compareUnsigned(lo, d0) >= 0)) {
          q1++;
          final long sub = lo - d0;
          hi -= d1 + (Long.compareUnsigned(lo, d0) < 0 ? 1 : 0);
          lo = sub;
        }
        q[j] = q1;
        r1 = hi;
        r0 = lo;
      }
      if (wantRemainder) {
        if (s == 0) {
          setLimbs(r0, r1, 0, 0);
        } else {
          setLimbs((r0 >>> s) | (r1 << (64 - s)), r1 >>> s, 0, 0);
        }
        return true;
      }
      remainderNonZero = (r0 | r1) != 0;
    } else {
      knuth(u, v, q, m, n, cachedReciprocal(0, v[n - 1]));
      if (wantRemainder) {
        // Un-normalise the remainder held in u[0 .. n-1].
        long r0 = 0, r1 = 0, r2 = 0, r3 = 0;
        for (int i = 0; i < n; i++) {
          final long limb = s == 0 ? u[i] : (u[i] >>> s) | (u[i + 1] << (64 - s));
          switch (i) {
            case 0 -> r0 = limb;
            case 1 -> r1 = limb;
            case 2 -> r2 = limb;
            default -> r3 = limb;
          }
        }
        setLimbs(r0, r1, r2, r3);
        return true;
      }
      remainderNonZero = false;
      for (int i = 0; i < n; i++) {
        remainderNonZero |= u[i] != 0;
      }
    }
    if ((q[4] | q[5] | q[6] | q[7]) != 0) {
      return false;
    }
    setLimbs(q[0], q[1], q[2], q[3]);
    if (roundUp && remainderNonZero) {
      return addUnsignedLong(this, 1);
    }
    return true;
  }

  /**
   * Knuth's algorithm D proper for a normalised divisor {@code v[0..n)} of three or four limbs and
   * a normalised dividend {@code u[0..m]}: quotient limbs into {@code q}, remainder left in {@code
   * u[0..n)}.
   */
  private static void knuth(
      final long[] u, final long[] v, final long[] q, final int m, final int n, final long recip) {
    final long vTop = v[n - 1];
    final long vNext = v[n - 2];
    for (int j = m - n; j >= 0; j--) {
      final long uHi = u[j + n];
      final long uLo = u[j + n - 1];
      long qhat;
      long rhat;
      boolean rhatOverflow = false;
      if (uHi == vTop) {
        // The 2-by-1 quotient would be β; β − 1 is at most one too large.
        qhat = -1L;
        rhat = uLo + vTop;
        rhatOverflow = Long.compareUnsigned(rhat, uLo) < 0;
      } else {
        qhat = div2by1(uHi, uLo, vTop, recip);
        rhat = uLo - qhat * vTop;
      }
      // Refine with the next divisor limb: at most two corrections (Knuth's step D3).
      final long uNext = u[j + n - 2];
      while (!rhatOverflow) {
        final long pHi = Math.unsignedMultiplyHigh(qhat, vNext);
        final long pLo = qhat * vNext;
        if (Long.compareUnsigned(pHi, rhat) < 0
            || (pHi == rhat && Long.compareUnsigned(pLo, uNext) <= 0)) {
          break;
        }
        qhat--;
        final long nr = rhat + vTop;
        rhatOverflow = Long.compareUnsigned(nr, rhat) < 0;
        rhat = nr;
      }
      // Multiply and subtract qhat · v from u[j .. j+n].
      long carry = 0;
      long borrow = 0;
      for (int i = 0; i < n; i++) {
        long pLo = qhat * v[i];
        long pHi = Math.unsignedMultiplyHigh(qhat, v[i]);
        pLo += carry;
        if (Long.compareUnsigned(pLo, carry) < 0) {
          pHi++;
        }
        carry = pHi;
        final long ui = u[i + j];
        final long t = ui - pLo;
        long b = Long.compareUnsigned(ui, pLo) < 0 ? 1 : 0;
        final long t2 = t - borrow;
        b += Long.compareUnsigned(t, borrow) < 0 ? 1 : 0;
        u[i + j] = t2;
        borrow = b;
      }
      final long top = u[j + n];
      final long t = top - carry;
      boolean negative = Long.compareUnsigned(top, carry) < 0;
      final long t2 = t - borrow;
      negative |= Long.compareUnsigned(t, borrow) < 0;
      u[j + n] = t2;
      if (negative) {
        // qhat was one too large (rare): add the divisor back.
        qhat--;
        long c = 0;
        for (int i = 0; i < n; i++) {
          final long a = u[i + j];
          final long sum = a + v[i];
          long c2 = Long.compareUnsigned(sum, a) < 0 ? 1 : 0;
          final long sum2 = sum + c;
          c2 += Long.compareUnsigned(sum2, sum) < 0 ? 1 : 0;
          u[i + j] = sum2;
          c = c2;
        }
        u[j + n] += c;
      }
      q[j] = qhat;
    }
  }

  /**
   * v = ⌊(β² − 1) / d⌋ − β for a normalised {@code d} (top bit set), β = 2^64. Two 64-bit hardware
   * divides: on this project's AMD hosts that measured faster (≈10 ns) than the division-free
   * table-and-Newton form (≈14 ns); divisions memoise it per holder anyway ({@link
   * #cachedReciprocal}).
   */
  static long reciprocal(final long d) {
    return divideSlow(~d, -1L, d);
  }

  /**
   * The reciprocal for a normalised divisor, {@link #reciprocal}{@code (lo)} when {@code hi} is
   * zero and {@link #reciprocal3by2}{@code (hi, lo)} otherwise, remembered for the last two
   * divisors this holder divided by (kept in {@code vn[4..9]}): the swap kernels divide by the same
   * fee constants, liquidity and prices again and again. A pure function of the key, so the memo is
   * exact; the keys cannot collide, because a normalised {@code lo} (one-limb case) or {@code hi}
   * has its top bit set, and the initial all-zero entries match no divisor.
   */
  private long cachedReciprocal(final long hi, final long lo) {
    final long[] c = vn;
    if (c[4] == hi && c[5] == lo) {
      return c[6];
    }
    if (c[7] == hi && c[8] == lo) {
      return c[9];
    }
    final long r = hi == 0 ? reciprocal(lo) : reciprocal3by2(hi, lo);
    c[7] = c[4];
    c[8] = c[5];
    c[9] = c[6];
    c[4] = hi;
    c[5] = lo;
    c[6] = r;
    return r;
  }

  /**
   * ⌊(β³ − 1) / (d1·β + d0)⌋ − β for a normalised two-limb divisor ({@code d1}'s top bit set):
   * Möller–Granlund Algorithm 6, the 2-by-1 reciprocal of {@code d1} adjusted for {@code d0}.
   */
  static long reciprocal3by2(final long d1, final long d0) {
    long v = reciprocal(d1);
    long p = d1 * v + d0;
    if (Long.compareUnsigned(p, d0) < 0) {
      v--;
      if (Long.compareUnsigned(p, d1) >= 0) {
        v--;
        p -= d1;
      }
      p -= d1;
    }
    final long t0 = v * d0;
    final long t1 = Math.unsignedMultiplyHigh(v, d0);
    p += t1;
    if (Long.compareUnsigned(p, t1) < 0) {
      v--;
      if (Long.compareUnsigned(p, d1) > 0 || (p == d1 && Long.compareUnsigned(t0, d0) >= 0)) {
        v--;
      }
    }
    return v;
  }

  /**
   * ⌊(u1·β + u0) / d⌋ for a normalised {@code d} and {@code u1 < d}, with {@code recip =
   * reciprocal(d)}: Möller–Granlund's 2-by-1 division, two multiplications and no divide.
   */
  static long div2by1(final long u1, final long u0, final long d, final long recip) {
    long q0 = recip * u1;
    long q1 = Math.unsignedMultiplyHigh(recip, u1);
    final long sum = q0 + u0;
    q1 += u1 + 1 + (Long.compareUnsigned(sum, q0) < 0 ? 1 : 0);
    q0 = sum;
    long r = u0 - q1 * d;
    if (Long.compareUnsigned(r, q0) > 0) {
      q1--;
      r += d;
    }
    if (Long.compareUnsigned(r, d) >= 0) {
      q1++;
    }
    return q1;
  }

  /**
   * ⌊(u1·β + u0) / d⌋ for a normalised {@code d} and {@code u1 < d} with two 64/32-bit hardware
   * divides (Hacker's Delight, divlu); used once per division to form the reciprocal.
   */
  private static long divideSlow(final long u1, final long u0, final long d) {
    final long b = 1L << 32;
    final long vn1 = d >>> 32;
    final long vn0 = d & DIGIT_MASK;
    final long un1 = u0 >>> 32;
    final long un0 = u0 & DIGIT_MASK;
    long q1 = Long.divideUnsigned(u1, vn1);
    long rhat = u1 - q1 * vn1;
    while (Long.compareUnsigned(q1, b) >= 0
        || Long.compareUnsigned(q1 * vn0, (rhat << 32) | un1) > 0) {
      q1--;
      rhat += vn1;
      if (Long.compareUnsigned(rhat, b) >= 0) {
        break;
      }
    }
    final long un21 = (u1 << 32) + un1 - q1 * d;
    long q0 = Long.divideUnsigned(un21, vn1);
    rhat = un21 - q0 * vn1;
    while (Long.compareUnsigned(q0, b) >= 0
        || Long.compareUnsigned(q0 * vn0, (rhat << 32) | un0) > 0) {
      q0--;
      rhat += vn1;
      if (Long.compareUnsigned(rhat, b) >= 0) {
        break;
      }
    }
    return (q1 << 32) + q0;
  }

  // ---------------------------------------------------------------- conversions

  /**
   * The unsigned value as the nearest-ish {@code double} (relative error below 2^-52): for the
   * floating-point optimiser, never for reported amounts.
   */
  public double toDouble() {
    return unsignedToDouble(w3) * 0x1p192
        + unsignedToDouble(w2) * 0x1p128
        + unsignedToDouble(w1) * 0x1p64
        + unsignedToDouble(w0);
  }

  private static double unsignedToDouble(final long v) {
    final double d = (double) (v >>> 1) * 2.0;
    return d + (v & 1L);
  }

  /**
   * Sets the value to {@code ⌊x⌋} for a finite, non-negative {@code double} below 2^256; returns
   * {@code false} otherwise.
   */
  public boolean setDouble(final double x) {
    if (!(x >= 0) || x >= 0x1p256) {
      return false;
    }
    if (x < 0x1p63) {
      return setUnsignedLong((long) x) != null;
    }
    final long bits = Double.doubleToRawLongBits(x);
    final int exp = (int) ((bits >>> 52) & 0x7FF) - 1075;
    final long mantissa = (bits & 0xF_FFFF_FFFF_FFFFL) | (1L << 52);
    setUnsignedLong(mantissa);
    shl(this, exp);
    return true;
  }

  /** Cold path: the unsigned value as a {@code BigInteger}. */
  public BigInteger toBigInteger() {
    final byte[] b = new byte[33];
    for (int i = 0; i < 8; i++) {
      b[32 - i] = (byte) (w0 >>> (8 * i));
      b[24 - i] = (byte) (w1 >>> (8 * i));
      b[16 - i] = (byte) (w2 >>> (8 * i));
      b[8 - i] = (byte) (w3 >>> (8 * i));
    }
    return new BigInteger(b);
  }

  /** Cold path: the value read as {@code int256}. */
  public BigInteger toSignedBigInteger() {
    final BigInteger u = toBigInteger();
    return isNegative() ? u.subtract(BigInteger.ONE.shiftLeft(256)) : u;
  }

  /** The unsigned value in decimal. */
  @Override
  public String toString() {
    if ((w1 | w2 | w3) == 0) {
      return Long.toUnsignedString(w0);
    }
    return toBigInteger().toString();
  }
}
