package io.sextant.solver.journal;

import io.sextant.routing.math.u256.UInt256;
import io.sextant.routing.state.PoolSnapshot;
import io.sextant.routing.state.PoolStateStore;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import net.openhft.chronicle.bytes.Bytes;

/**
 * The pools of a {@link PoolStateStore} as bytes: what a journal's store snapshot (before the ring
 * starts) and checkpoint (after it drained) hold, so a replay can rebuild the store and check that
 * the same events led to the same state. Cold path. Holds the state only (family, parameters,
 * words, tick tables, stale flags), not the seqlock versions, so two stores that reached the same
 * state by different numbers of writes compare equal.
 *
 * <p>Covers the families the feeds update: Uniswap V2 and V3. A store holding another family is
 * refused with the slot named.
 */
public final class StoreImage {
  private final byte[] data;

  private StoreImage(final byte[] data) {
    this.data = data;
  }

  /**
   * The state of every pool of {@code store}. Call on the writer thread, or when no writer runs.
   *
   * @throws IllegalArgumentException a pool of a family the journal cannot rebuild (names the slot)
   */
  public static StoreImage of(final PoolStateStore store) {
    final int pools = store.poolCount();
    final PoolSnapshot snap = store.newSnapshot();
    final UInt256 w = new UInt256();
    ByteBuffer buf = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
    buf.putInt(store.maxPools()).putInt(store.maxTicks()).putInt(store.maxTicksPerPool());
    buf.putInt(pools);
    for (int slot = 0; slot < pools; slot++) {
      int status;
      do {
        status = store.read(slot, snap);
      } while (status == PoolStateStore.CONTENDED);
      if (status != PoolStateStore.OK && status != PoolStateStore.STALE) {
        throw new IllegalStateException("pool slot " + slot + ": unreadable, status " + status);
      }
      final int family = snap.family();
      if (family != PoolStateStore.UNISWAP_V2 && family != PoolStateStore.UNISWAP_V3) {
        throw new IllegalArgumentException(
            "pool slot " + slot + ": family " + family + " cannot be journaled (only V2 and V3)");
      }
      buf = room(buf, 96 + 20 * snap.tickCount());
      buf.put((byte) family).put((byte) (status == PoolStateStore.STALE ? 1 : 0));
      buf.putLong(snap.param0()).putLong(snap.param1());
      word(buf, snap.word(0, w));
      word(buf, snap.word(1, w));
      if (family == PoolStateStore.UNISWAP_V3) {
        buf.putInt(snap.tick()).putInt(snap.tickCount());
        for (int i = 0; i < snap.tickCount(); i++) {
          buf.putInt(snap.tickAt(i)).putLong(snap.liquidityNetLow(i));
          buf.putLong(snap.liquidityNetHigh(i));
        }
      }
    }
    return new StoreImage(Arrays.copyOf(buf.array(), buf.position()));
  }

  private static ByteBuffer room(final ByteBuffer buf, final int more) {
    if (buf.remaining() >= more) {
      return buf;
    }
    final ByteBuffer bigger =
        ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + more))
            .order(ByteOrder.LITTLE_ENDIAN);
    buf.flip();
    return bigger.put(buf);
  }

  private static void word(final ByteBuffer buf, final UInt256 w) {
    buf.putLong(w.limb(0)).putLong(w.limb(1)).putLong(w.limb(2)).putLong(w.limb(3));
  }

  private static UInt256 readWord(final ByteBuffer buf, final UInt256 w) {
    return w.setLimbs(buf.getLong(), buf.getLong(), buf.getLong(), buf.getLong());
  }

  /** Reads an image written by {@link #write}. */
  static StoreImage read(final Bytes<?> b) {
    final int length = b.readInt();
    if (length < 16 || length > b.readRemaining()) {
      throw new JournalFormatException("store image length " + length + " is impossible");
    }
    final byte[] data = new byte[length];
    b.read(data);
    return new StoreImage(data);
  }

  /** Writes this image ({@code length:i32 data}). */
  void write(final Bytes<?> b) {
    b.writeInt(data.length);
    b.write(data);
  }

  /** Pools in the image. */
  public int pools() {
    return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
  }

  /**
   * A new store holding exactly these pools (same slots, capacities, state).
   *
   * @throws JournalFormatException the image is malformed or the store refuses a pool
   */
  public PoolStateStore toStore() {
    final ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    try {
      final int maxPools = buf.getInt();
      final int maxTicks = buf.getInt();
      final int maxTicksPerPool = buf.getInt();
      final int pools = buf.getInt();
      final PoolStateStore store = PoolStateStore.withCapacity(maxPools, maxTicks, maxTicksPerPool);
      final UInt256 a = new UInt256();
      final UInt256 b = new UInt256();
      for (int slot = 0; slot < pools; slot++) {
        final int family = buf.get();
        final boolean stale = buf.get() != 0;
        final long p0 = buf.getLong();
        final long p1 = buf.getLong();
        readWord(buf, a);
        readWord(buf, b);
        final int added;
        if (family == PoolStateStore.UNISWAP_V2) {
          added = store.addUniswapV2(a, b, p0, p1);
          check(added, slot);
        } else if (family == PoolStateStore.UNISWAP_V3) {
          final int tick = buf.getInt();
          final int ticks = buf.getInt();
          added = store.addUniswapV3((int) p0, (int) p1, a, b, tick, maxTicksPerPool);
          check(added, slot);
          for (int i = 0; i < ticks; i++) {
            final int t = buf.getInt();
            final long lo = buf.getLong();
            final long hi = buf.getLong();
            check(store.writeV3TickNet(added, t, a.setLimbs(lo, hi, hi >> 63, hi >> 63)), slot);
          }
        } else {
          throw new JournalFormatException("store image: pool slot " + slot + " family " + family);
        }
        if (stale) {
          check(store.markStale(added, true), slot);
        }
      }
      if (buf.hasRemaining()) {
        throw new JournalFormatException("store image: " + buf.remaining() + " trailing bytes");
      }
      return store;
    } catch (java.nio.BufferUnderflowException e) {
      throw new JournalFormatException("store image: truncated");
    }
  }

  private static void check(final int status, final int slot) {
    if (status < 0) {
      throw new JournalFormatException(
          "store image: pool slot " + slot + " refused by the store, status " + status);
    }
  }

  /**
   * The first pool slot whose state differs, {@code -1} when the images are equal, or {@code
   * Integer.MAX_VALUE} when only the store capacities differ.
   */
  public int firstDifference(final StoreImage other) {
    if (Arrays.equals(data, other.data)) {
      return -1;
    }
    final int[] x = poolOffsets();
    final int[] y = other.poolOffsets();
    final int n = Math.min(x.length, y.length) - 1;
    for (int slot = 0; slot < n; slot++) {
      if (!Arrays.equals(data, x[slot], x[slot + 1], other.data, y[slot], y[slot + 1])) {
        return slot;
      }
    }
    return x.length != y.length ? n : Integer.MAX_VALUE;
  }

  /** Where each pool starts in {@link #data}, plus the end. */
  private int[] poolOffsets() {
    final ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    final int pools = buf.getInt(12);
    final int[] at = new int[pools + 1];
    int p = 16;
    for (int slot = 0; slot < pools; slot++) {
      at[slot] = p;
      final int family = data[p];
      p += 2 + 16 + 64;
      if (family == PoolStateStore.UNISWAP_V3) {
        p += 8 + 20 * buf.getInt(p + 4);
      }
    }
    at[pools] = p;
    return at;
  }

  @Override
  public boolean equals(final Object o) {
    return o instanceof StoreImage s && Arrays.equals(data, s.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }
}
