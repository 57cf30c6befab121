package io.sextant.portfolio.backtest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a price path from CSV. The first line is a header: a first column (a label such as a
 * timestamp or step number, not interpreted), then one column per asset symbol with its reference
 * price (quote units per whole token), and optionally {@code pool:SYMBOL} (the pool price; the
 * reference price when absent) and {@code liquidity:SYMBOL} (liquidity factor, 1 when absent).
 * Every asset of the portfolio needs a reference column; columns of other symbols are an error.
 * Every value must be a positive finite number. Errors name the line (1-based) and column (1-based,
 * with its header).
 */
public final class PriceCsvReader {
  private PriceCsvReader() {}

  /** Parses {@code text} for assets {@code symbols}. */
  public static PricePath read(final String text, final String[] symbols) {
    final String[] lines = text.split("\r?\n", -1);
    if (lines.length == 0 || lines[0].isBlank()) {
      throw new IllegalArgumentException("line 1: missing header");
    }
    final String[] header = lines[0].split(",", -1);
    final Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < symbols.length; i++) {
      index.put(symbols[i], i);
    }
    final int cols = header.length;
    final int[] kind = new int[cols]; // 0 reference, 1 pool, 2 liquidity
    final int[] asset = new int[cols];
    final boolean[] hasRef = new boolean[symbols.length];
    for (int c = 1; c < cols; c++) {
      String h = header[c].trim();
      if (h.startsWith("pool:")) {
        kind[c] = 1;
        h = h.substring(5);
      } else if (h.startsWith("liquidity:")) {
        kind[c] = 2;
        h = h.substring(10);
      }
      final Integer a = index.get(h);
      if (a == null) {
        throw new IllegalArgumentException(
            "line 1, column " + (c + 1) + ": '" + header[c] + "' is not an asset of the portfolio");
      }
      asset[c] = a;
      if (kind[c] == 0) {
        if (hasRef[a]) {
          throw new IllegalArgumentException(
              "line 1, column " + (c + 1) + ": repeated column '" + header[c] + "'");
        }
        hasRef[a] = true;
      }
    }
    for (int i = 0; i < symbols.length; i++) {
      if (!hasRef[i]) {
        throw new IllegalArgumentException("line 1: no column for asset " + symbols[i]);
      }
    }
    final List<double[]> ref = new ArrayList<>();
    final List<double[]> pool = new ArrayList<>();
    final List<double[]> liq = new ArrayList<>();
    for (int l = 1; l < lines.length; l++) {
      if (lines[l].isBlank()) {
        continue;
      }
      final String[] f = lines[l].split(",", -1);
      if (f.length != cols) {
        throw new IllegalArgumentException(
            "line " + (l + 1) + ": " + f.length + " columns, the header has " + cols);
      }
      final double[] r = new double[symbols.length];
      final double[] p = new double[symbols.length];
      final double[] q = new double[symbols.length];
      java.util.Arrays.fill(p, Double.NaN);
      java.util.Arrays.fill(q, 1.0);
      for (int c = 1; c < cols; c++) {
        final double v;
        try {
          v = Double.parseDouble(f[c].trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "line "
                  + (l + 1)
                  + ", column "
                  + (c + 1)
                  + " ("
                  + header[c].trim()
                  + "): '"
                  + f[c]
                  + "' is not a number");
        }
        if (!(v > 0) || !Double.isFinite(v)) {
          throw new IllegalArgumentException(
              "line "
                  + (l + 1)
                  + ", column "
                  + (c + 1)
                  + " ("
                  + header[c].trim()
                  + "): "
                  + v
                  + " is not a positive finite number");
        }
        switch (kind[c]) {
          case 0 -> r[asset[c]] = v;
          case 1 -> p[asset[c]] = v;
          default -> q[asset[c]] = v;
        }
      }
      for (int i = 0; i < symbols.length; i++) {
        if (Double.isNaN(p[i])) {
          p[i] = r[i];
        }
      }
      ref.add(r);
      pool.add(p);
      liq.add(q);
    }
    if (ref.size() < 2) {
      throw new IllegalArgumentException("need at least 2 rows of prices, got " + ref.size());
    }
    return new PricePath(
        ref.toArray(double[][]::new), pool.toArray(double[][]::new), liq.toArray(double[][]::new));
  }
}
