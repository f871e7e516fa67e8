package org.dmftbench.kernels;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.MemorySegment;

/**
 * Plain Java twin of the dense kernels: straightforward loops in the order of the netlib
 * reference BLAS, one fused multiply-add per multiply-add so that element-wise results are
 * bit-identical to the Vector API implementation.
 */
public final class ScalarDenseKernels implements DenseKernels {

  @Override
  public String name() {
    return "scalar";
  }

  private static double get(MemorySegment s, long i) {
    return s.getAtIndex(JAVA_DOUBLE, i);
  }

  private static void set(MemorySegment s, long i, double v) {
    s.setAtIndex(JAVA_DOUBLE, i, v);
  }

  @Override
  public double dot(int n, MemorySegment x, long xOff, MemorySegment y, long yOff) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s = Math.fma(get(x, xOff + i), get(y, yOff + i), s);
    }
    return s;
  }

  @Override
  public void axpy(int n, double a, MemorySegment x, long xOff, MemorySegment y, long yOff) {
    for (int i = 0; i < n; i++) {
      set(y, yOff + i, Math.fma(a, get(x, xOff + i), get(y, yOff + i)));
    }
  }

  @Override
  public void scal(int n, double a, MemorySegment x, long xOff) {
    for (int i = 0; i < n; i++) {
      set(x, xOff + i, a * get(x, xOff + i));
    }
  }

  /** The scaled sum of squares of LAPACK's {@code dlassq} (Hammarling's algorithm). */
  @Override
  public double nrm2(int n, MemorySegment x, long xOff) {
    double scale = 0, ssq = 1;
    for (int i = 0; i < n; i++) {
      double v = Math.abs(get(x, xOff + i));
      if (v != 0) {
        if (scale < v) {
          double r = scale / v;
          ssq = 1 + ssq * r * r;
          scale = v;
        } else {
          double r = v / scale;
          ssq += r * r;
        }
      }
    }
    return scale * Math.sqrt(ssq);
  }

  private static void scaleOutput(int n, double beta, MemorySegment y, long yOff) {
    if (beta == 1) {
      return;
    }
    for (int i = 0; i < n; i++) {
      set(y, yOff + i, beta == 0 ? 0 : beta * get(y, yOff + i));
    }
  }

  @Override
  public void gemvN(int m, int n, double alpha, MemorySegment a, long aOff, int lda,
                    MemorySegment x, long xOff, double beta, MemorySegment y, long yOff) {
    scaleOutput(m, beta, y, yOff);
    for (int j = 0; j < n; j++) {
      double t = alpha * get(x, xOff + j);
      long col = aOff + (long) j * lda;
      for (int i = 0; i < m; i++) {
        set(y, yOff + i, Math.fma(t, get(a, col + i), get(y, yOff + i)));
      }
    }
  }

  @Override
  public void gemvT(int m, int n, double alpha, MemorySegment a, long aOff, int lda,
                    MemorySegment x, long xOff, double beta, MemorySegment y, long yOff) {
    for (int j = 0; j < n; j++) {
      double s = dot(m, a, aOff + (long) j * lda, x, xOff);
      double old = beta == 0 ? 0 : beta * get(y, yOff + j);
      set(y, yOff + j, Math.fma(alpha, s, old));
    }
  }

  @Override
  public void symvLower(int n, double alpha, MemorySegment a, long aOff, int lda,
                        MemorySegment x, long xOff, double beta, MemorySegment y, long yOff) {
    scaleOutput(n, beta, y, yOff);
    for (int j = 0; j < n; j++) {
      long col = aOff + (long) j * lda;
      double t1 = alpha * get(x, xOff + j);
      double t2 = 0;
      set(y, yOff + j, Math.fma(t1, get(a, col + j), get(y, yOff + j)));
      for (int i = j + 1; i < n; i++) {
        double aij = get(a, col + i);
        set(y, yOff + i, Math.fma(t1, aij, get(y, yOff + i)));
        t2 = Math.fma(aij, get(x, xOff + i), t2);
      }
      set(y, yOff + j, Math.fma(alpha, t2, get(y, yOff + j)));
    }
  }

  @Override
  public void packLower(int n, MemorySegment a, long aOff, int lda, MemorySegment packed, long pOff) {
    int nt = PackedLower.blocks(n);
    for (int b = 0; b < nt; b++) {
      long o = pOff + PackedLower.blockOffset(n, b);
      for (int t = 0; b + t < nt; t++, o += PackedLower.TILE) {
        for (int q = 0; q < PackedLower.WIDTH; q++) {
          int j = PackedLower.WIDTH * b + q;
          for (int r = 0; r < PackedLower.WIDTH; r++) {
            int i = PackedLower.WIDTH * (b + t) + r;
            set(packed, o + PackedLower.WIDTH * q + r, i < n && j < n && i >= j ? get(a, aOff + i + (long) j * lda) : 0.0);
          }
        }
      }
    }
  }

  /** Column by column over the packed triangle, as {@link #symvLower}. */
  @Override
  public void symvLowerPacked(int n, int from, double alpha, MemorySegment packed, long pOff,
                              MemorySegment x, long xOff, double beta, MemorySegment y, long yOff) {
    int m = n - from;
    scaleOutput(m, beta, y, yOff);
    for (int j = 0; j < m; j++) {
      int col = from + j;
      double t1 = alpha * get(x, xOff + j);
      double t2 = 0;
      set(y, yOff + j, Math.fma(t1, get(packed, pOff + PackedLower.index(n, col, col)), get(y, yOff + j)));
      for (int i = j + 1; i < m; i++) {
        double aij = get(packed, pOff + PackedLower.index(n, from + i, col));
        set(y, yOff + i, Math.fma(t1, aij, get(y, yOff + i)));
        t2 = Math.fma(aij, get(x, xOff + i), t2);
      }
      set(y, yOff + j, Math.fma(alpha, t2, get(y, yOff + j)));
    }
  }

  @Override
  public void syr2Lower(int n, double alpha, MemorySegment x, long xOff, MemorySegment y, long yOff,
                        MemorySegment a, long aOff, int lda) {
    for (int j = 0; j < n; j++) {
      double t1 = alpha * get(y, yOff + j);
      double t2 = alpha * get(x, xOff + j);
      long col = aOff + (long) j * lda;
      for (int i = j; i < n; i++) {
        double v = Math.fma(get(x, xOff + i), t1, get(a, col + i));
        set(a, col + i, Math.fma(get(y, yOff + i), t2, v));
      }
    }
  }

  @Override
  public void syr2kLower(int n, int k, double alpha, MemorySegment a, long aOff, int lda,
                         MemorySegment b, long bOff, int ldb, double beta,
                         MemorySegment c, long cOff, int ldc) {
    for (int j = 0; j < n; j++) {
      long col = cOff + (long) j * ldc;
      for (int i = j; i < n; i++) {
        set(c, col + i, beta == 0 ? 0 : beta * get(c, col + i));
      }
      for (int p = 0; p < k; p++) {
        double t1 = alpha * get(b, bOff + j + (long) p * ldb);
        double t2 = alpha * get(a, aOff + j + (long) p * lda);
        long ap = aOff + (long) p * lda;
        long bp = bOff + (long) p * ldb;
        for (int i = j; i < n; i++) {
          double v = Math.fma(get(a, ap + i), t1, get(c, col + i));
          set(c, col + i, Math.fma(get(b, bp + i), t2, v));
        }
      }
    }
  }

  @Override
  public void syrkLower(int n, int k, double alpha, MemorySegment a, long aOff, int lda, double beta,
                        MemorySegment c, long cOff, int ldc) {
    for (int j = 0; j < n; j++) {
      long col = cOff + (long) j * ldc;
      long aj = aOff + (long) j * lda;
      for (int i = j; i < n; i++) {
        double s = dot(k, a, aOff + (long) i * lda, a, aj);
        double old = beta == 0 ? 0 : beta * get(c, col + i);
        set(c, col + i, Math.fma(alpha, s, old));
      }
    }
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
                   MemorySegment a, long aOff, int lda, MemorySegment b, long bOff, int ldb,
                   double beta, MemorySegment c, long cOff, int ldc) {
    for (int j = 0; j < n; j++) {
      long cj = cOff + (long) j * ldc;
      for (int i = 0; i < m; i++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          double aip = transA ? get(a, aOff + p + (long) i * lda) : get(a, aOff + i + (long) p * lda);
          double bpj = transB ? get(b, bOff + j + (long) p * ldb) : get(b, bOff + p + (long) j * ldb);
          s = Math.fma(aip, bpj, s);
        }
        double old = beta == 0 ? 0 : beta * get(c, cj + i);
        set(c, cj + i, Math.fma(alpha, s, old));
      }
    }
  }

  @Override
  public void secularSums(int from, int to, double[] z, double[] diff, double t, double[] out) {
    double f = 0;
    double df = 0;
    for (int i = from; i < to; i++) {
      double q = z[i] / (diff[i] - t);
      f = Math.fma(z[i], q, f);
      df = Math.fma(q, q, df);
    }
    out[0] = f;
    out[1] = df;
  }

  @Override
  public double secularQuotients(int from, int to, double[] z, double[] diff, double t, double[] q) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      double qi = z[i] / (diff[i] - t);
      q[i] = qi;
      sum = Math.fma(qi, qi, sum);
    }
    return sum;
  }
}
