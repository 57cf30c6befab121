package io.sextant.feeds.chain;

import java.util.Locale;

/**
 * The pools a feed follows, by address: an open-addressing table from a 20-byte address (parsed
 * from hex, any case) to the pool's store slot and family, looked up without allocating.
 */
public final class PoolDirectory {
  private final long[] k0;
  private final long[] k1;
  private final long[] k2;
  private final int[] slot;
  private final int[] family;
  private final String[] address;
  private final int mask;
  private int size;
  private final long[] key = new long[3];
  private final boolean[] ok = new boolean[1];

  /** A directory with room for {@code capacity} pools. */
  public PoolDirectory(final int capacity) {
    int n = 16;
    while (n < capacity * 2) {
      n <<= 1;
    }
    k0 = new long[n];
    k1 = new long[n];
    k2 = new long[n];
    slot = new int[n];
    family = new int[n];
    address = new String[n];
    java.util.Arrays.fill(slot, -1);
    mask = n - 1;
  }

  private int hash() {
    long h = key[0] * 0x9E3779B97F4A7C15L ^ key[1] * 0xC2B2AE3D27D4EB4FL ^ key[2];
    h ^= h >>> 29;
    return (int) h & mask;
  }

  /** Adds a pool; throws if the address is malformed, already present or the table is full. */
  public void add(final String hexAddress, final int storeSlot, final int poolFamily) {
    if (!Hex.address(hexAddress, key, ok)) {
      throw new IllegalArgumentException("not an address: " + hexAddress);
    }
    if (find() >= 0) {
      throw new IllegalArgumentException("pool listed twice: " + hexAddress);
    }
    if ((size + 1) * 2 > k0.length) {
      throw new IllegalStateException("pool directory full");
    }
    int i = hash();
    while (slot[i] >= 0) {
      i = (i + 1) & mask;
    }
    k0[i] = key[0];
    k1[i] = key[1];
    k2[i] = key[2];
    slot[i] = storeSlot;
    family[i] = poolFamily;
    address[i] = hexAddress.toLowerCase(Locale.ROOT);
    size++;
  }

  private int find() {
    int i = hash();
    while (slot[i] >= 0) {
      if (k0[i] == key[0] && k1[i] == key[1] && k2[i] == key[2]) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  /** Table index of the pool at {@code hexAddress}, or -1 (unknown or malformed). */
  public int lookup(final CharSequence hexAddress) {
    return Hex.address(hexAddress, key, ok) ? find() : -1;
  }

  /** Store slot of a table index from {@link #lookup}. */
  public int slot(final int index) {
    return slot[index];
  }

  /** Store family of a table index from {@link #lookup}. */
  public int family(final int index) {
    return family[index];
  }

  /** Lowercase address of a table index from {@link #lookup}. */
  public String address(final int index) {
    return address[index];
  }

  /** Number of pools. */
  public int size() {
    return size;
  }
}
