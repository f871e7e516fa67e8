package org.dmftbench.kernels.panama;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.dmftbench.Tuning;

/**
 * The packed, cache-blocked matrix product behind gemm, syrk and syr2k:
 * C ← C + α·op(A)·op(B), or only its lower triangle.
 *
 * <p>Loop order of BLIS (Van Zee &amp; van de Geijn, "BLIS: a framework for rapidly instantiating
 * BLAS functionality", ACM TOMS 41(3), 2015): for each NC-column panel of op(B), for each KC-deep
 * slice, op(B) is packed into NR-column micro-panels; for each MC-row block, op(A) is packed into
 * MR-row micro-panels; then every MR×NR tile of C is updated by a register-blocked micro-kernel
 * that reads both packed operands contiguously. Packing pads partial micro-panels with zeros, so
 * the micro-kernel always runs the full MR×NR; partial tiles are computed into a small buffer and
 * only their valid entries added to C.
 *
 * <p>The depth dimension may be the concatenation of two operands ({@code a2}, {@code b2}):
 * op(A)·op(B) with op(A) = [op(a1) op(a2)] and op(B) = [op(b1); op(b2)], which turns the rank-2k
 * update A Bᵀ + B Aᵀ into one product of depth 2k without copying anything.
 */
final class GemmEngine {

  private static final VectorSpecies<Double> S = PanamaKernels.SPECIES;
  private static final int L = S.length();
  private static final ByteOrder NO = ByteOrder.nativeOrder();
  private static final ValueLayout.OfDouble D = ValueLayout.JAVA_DOUBLE;

  /** Rows of the micro-kernel: two vectors (8 doubles on AVX2). */
  static final int MR = 2 * L;
  /** Columns of the micro-kernel: four (8×4 on AVX2; 8×6 spilled, see {@link Tuning#GEMM_KC}). */
  static final int NR = 4;

  /** A matrix X in a segment; op(X) is X or, when {@code trans}, Xᵀ. */
  record Operand(MemorySegment s, long off, int ld, boolean trans) {
  }

  /** Per-thread packing buffers, grown on demand and reused across calls. */
  private static final class Work {
    double[] pa = new double[0];
    double[] pb = new double[0];
    final double[] tile = new double[MR * NR];
    /**
     * One contiguous run of an operand (at most KC doubles), copied in bulk before it is scattered
     * into a packed panel: one access check per run instead of one per element. Element-wise reads
     * made packing the two-thread back-transformation's shared C five times slower than the
     * product itself, once C2 had seen segments of both kinds (see Tuning).
     */
    final double[] run = new double[Tuning.GEMM_KC];

    double[] pa(int size) {
      if (pa.length < size) {
        pa = new double[size];
      }
      return pa;
    }

    double[] pb(int size) {
      if (pb.length < size) {
        pb = new double[size];
      }
      return pb;
    }
  }

  private final ThreadLocal<Work> work = ThreadLocal.withInitial(Work::new);

  private static int roundUp(int x, int r) {
    return (x + r - 1) / r * r;
  }

  /**
   * C ← C + α·op(A)·op(B) with op(A) m×k (or m×2k when a2 is given), op(B) k×n (or 2k×n); when
   * {@code lower}, only entries with row ≥ column are written (m = n).
   */
  void run(int m, int n, int k, double alpha, Operand a1, Operand a2, Operand b1, Operand b2,
           MemorySegment c, long cOff, int ldc, boolean lower) {
    boolean two = a2 != null;
    int kcMax = two ? Math.max(1, Tuning.GEMM_KC / 2) : Tuning.GEMM_KC;
    int mcMax = Math.max(MR, Tuning.GEMM_MC / MR * MR);
    int ncMax = Math.max(NR, Tuning.GEMM_NC / NR * NR);
    Work w = work.get();
    for (int jc = 0; jc < n; jc += ncMax) {
      int nc = Math.min(ncMax, n - jc);
      int icStart = lower ? jc : 0;
      for (int pc = 0; pc < k; pc += kcMax) {
        int kh = Math.min(kcMax, k - pc);
        int depth = two ? 2 * kh : kh;
        double[] pb = w.pb(roundUp(nc, NR) * depth);
        packB(b1, pc, kh, jc, nc, pb, depth, 0, w.run);
        if (two) {
          packB(b2, pc, kh, jc, nc, pb, depth, kh, w.run);
        }
        for (int ic = icStart; ic < m; ic += mcMax) {
          int mc = Math.min(mcMax, m - ic);
          double[] pa = w.pa(roundUp(mc, MR) * depth);
          packA(a1, ic, mc, pc, kh, pa, depth, 0, w.run);
          if (two) {
            packA(a2, ic, mc, pc, kh, pa, depth, kh, w.run);
          }
          int ncHere = lower ? Math.min(nc, ic + mc - jc) : nc;
          macro(mc, ncHere, depth, alpha, pa, pb, c, cOff + ic + (long) jc * ldc, ldc, lower, ic - jc, w.tile);
        }
      }
    }
  }

  /**
   * All MR×NR tiles of an mc×nc block of C. With {@code lower}, {@code d} is the global row minus
   * the global column of the block's entry (0, 0); tiles strictly above the diagonal are skipped
   * and tiles crossing it are written only where row ≥ column.
   */
  private static void macro(int mc, int nc, int depth, double alpha, double[] pa, double[] pb,
                            MemorySegment c, long cBase, int ldc, boolean lower, int d, double[] tile) {
    for (int jr = 0; jr < nc; jr += NR) {
      int nr = Math.min(NR, nc - jr);
      int bi = jr * depth;
      for (int ir = 0; ir < mc; ir += MR) {
        int mr = Math.min(MR, mc - ir);
        long cij = cBase + ir + (long) jr * ldc;
        int top = lower ? d + ir - jr : Integer.MAX_VALUE / 2;
        if (top + mr - 1 < 0) {
          continue;
        }
        if (mr == MR && nr == NR && top >= NR - 1) {
          micro(depth, alpha, pa, ir * depth, pb, bi, c, cij, ldc, tile);
        } else {
          microTile(depth, pa, ir * depth, pb, bi, tile);
          addTile(mr, nr, alpha, tile, c, cij, ldc, top);
        }
      }
    }
  }

  /**
   * A full MR×NR tile: the register kernel's product into {@code tile}, then C ← C + α·tile one
   * vector at a time (the tile round trip is 2·MR·NR/L memory operations against depth·MR·NR/L FMAs).
   */
  private static void micro(int depth, double alpha, double[] pa, int ai, double[] pb, int bi,
                            MemorySegment c, long cij, int ldc, double[] tile) {
    microTile(depth, pa, ai, pb, bi, tile);
    DoubleVector av = DoubleVector.broadcast(S, alpha);
    for (int jj = 0; jj < NR; jj++) {
      long col = (cij + (long) jj * ldc) * Double.BYTES;
      for (int v = 0; v < MR; v += L) {
        long b = col + (long) v * Double.BYTES;
        DoubleVector.fromArray(S, tile, jj * MR + v).fma(av, DoubleVector.fromMemorySegment(S, c, b, NO))
            .intoMemorySegment(c, b, NO);
      }
    }
  }

  /**
   * The register kernel: Σ_p a_p b_pᵀ over packed micro-panels into {@code tile} (column-major
   * MR×NR) with 2×4 accumulators of L doubles: 8 accumulators, 2 vectors of A and one broadcast of
   * B, 11 of AVX2's 16 vector registers. The slack matters: with 2×6 accumulators (15 registers)
   * C2's schedule spilled and the product ran at half the speed (see {@link Tuning#GEMM_KC}).
   */
  private static void microTile(int depth, double[] pa, int ai, double[] pb, int bi, double[] tile) {
    DoubleVector c00 = DoubleVector.zero(S);
    DoubleVector c10 = c00;
    DoubleVector c01 = c00;
    DoubleVector c11 = c00;
    DoubleVector c02 = c00;
    DoubleVector c12 = c00;
    DoubleVector c03 = c00;
    DoubleVector c13 = c00;
    for (int p = 0; p < depth; p++) {
      int ao = ai + p * MR;
      int bo = bi + p * NR;
      DoubleVector a0 = DoubleVector.fromArray(S, pa, ao);
      DoubleVector a1 = DoubleVector.fromArray(S, pa, ao + L);
      DoubleVector b = DoubleVector.broadcast(S, pb[bo]);
      c00 = a0.fma(b, c00);
      c10 = a1.fma(b, c10);
      b = DoubleVector.broadcast(S, pb[bo + 1]);
      c01 = a0.fma(b, c01);
      c11 = a1.fma(b, c11);
      b = DoubleVector.broadcast(S, pb[bo + 2]);
      c02 = a0.fma(b, c02);
      c12 = a1.fma(b, c12);
      b = DoubleVector.broadcast(S, pb[bo + 3]);
      c03 = a0.fma(b, c03);
      c13 = a1.fma(b, c13);
    }
    c00.intoArray(tile, 0);
    c10.intoArray(tile, L);
    c01.intoArray(tile, MR);
    c11.intoArray(tile, MR + L);
    c02.intoArray(tile, 2 * MR);
    c12.intoArray(tile, 2 * MR + L);
    c03.intoArray(tile, 3 * MR);
    c13.intoArray(tile, 3 * MR + L);
  }

  /** Adds α·tile to the leading mr×nr entries of the C tile where row − column + top ≥ 0. */
  private static void addTile(int mr, int nr, double alpha, double[] tile, MemorySegment c, long cij, int ldc,
                              int top) {
    for (int jj = 0; jj < nr; jj++) {
      long col = cij + (long) jj * ldc;
      for (int ii = Math.max(0, jj - top); ii < mr; ii++) {
        c.setAtIndex(D, col + ii, Math.fma(alpha, tile[jj * MR + ii], c.getAtIndex(D, col + ii)));
      }
    }
  }

  /**
   * Packs rows [i0, i0+mc) × depth [p0, p0+kh) of op(A) into MR-row micro-panels: the panel of
   * rows ir.. starts at {@code ir*depth}, and its entry (p, r) is at {@code (pOff + p)*MR + r}.
   */
  private static void packA(Operand a, int i0, int mc, int p0, int kh, double[] dst, int depth, int pOff,
                            double[] run) {
    MemorySegment s = a.s();
    long ld = a.ld();
    for (int ir = 0; ir < mc; ir += MR) {
      int mr = Math.min(MR, mc - ir);
      int base = ir * depth + pOff * MR;
      if (!a.trans()) {
        long src = a.off() + i0 + ir + p0 * ld;
        if (mr == MR) {
          for (int p = 0; p < kh; p++) {
            long sb = (src + p * ld) * Double.BYTES;
            int o = base + p * MR;
            for (int v = 0; v < MR; v += L) {
              DoubleVector.fromMemorySegment(S, s, sb + (long) v * Double.BYTES, NO).intoArray(dst, o + v);
            }
          }
        } else {
          for (int p = 0; p < kh; p++) {
            long sp = src + p * ld;
            int o = base + p * MR;
            for (int r = 0; r < mr; r++) {
              dst[o + r] = s.getAtIndex(D, sp + r);
            }
            for (int r = mr; r < MR; r++) {
              dst[o + r] = 0;
            }
          }
        }
      } else {
        for (int r = 0; r < mr; r++) {
          MemorySegment.copy(s, D, (a.off() + p0 + (i0 + ir + r) * ld) * Double.BYTES, run, 0, kh);
          for (int p = 0; p < kh; p++) {
            dst[base + p * MR + r] = run[p];
          }
        }
        for (int r = mr; r < MR; r++) {
          for (int p = 0; p < kh; p++) {
            dst[base + p * MR + r] = 0;
          }
        }
      }
    }
  }

  /**
   * Packs depth [p0, p0+kh) × columns [j0, j0+nc) of op(B) into NR-column micro-panels: the panel
   * of columns jr.. starts at {@code jr*depth}, and its entry (p, q) is at {@code (pOff + p)*NR + q}.
   */
  private static void packB(Operand b, int p0, int kh, int j0, int nc, double[] dst, int depth, int pOff,
                            double[] run) {
    MemorySegment s = b.s();
    long ld = b.ld();
    for (int jr = 0; jr < nc; jr += NR) {
      int nr = Math.min(NR, nc - jr);
      int base = jr * depth + pOff * NR;
      if (!b.trans()) {
        for (int q = 0; q < nr; q++) {
          MemorySegment.copy(s, D, (b.off() + p0 + (j0 + jr + q) * ld) * Double.BYTES, run, 0, kh);
          for (int p = 0; p < kh; p++) {
            dst[base + p * NR + q] = run[p];
          }
        }
      } else {
        for (int p = 0; p < kh; p++) {
          long sp = b.off() + j0 + jr + (p0 + p) * ld;
          int o = base + p * NR;
          for (int q = 0; q < nr; q++) {
            dst[o + q] = s.getAtIndex(D, sp + q);
          }
        }
      }
      for (int q = nr; q < NR; q++) {
        for (int p = 0; p < kh; p++) {
          dst[base + p * NR + q] = 0;
        }
      }
    }
  }

  /** C ← C + α·op(A)·op(B) by plain loops, for products too small to repay packing. */
  static void direct(boolean transA, boolean transB, int m, int n, int k, double alpha,
                     MemorySegment a, long aOff, int lda, MemorySegment b, long bOff, int ldb,
                     MemorySegment c, long cOff, int ldc) {
    for (int j = 0; j < n; j++) {
      long cj = cOff + (long) j * ldc;
      for (int i = 0; i < m; i++) {
        double s = 0;
        for (int p = 0; p < k; p++) {
          double aip = transA ? a.getAtIndex(D, aOff + p + (long) i * lda) : a.getAtIndex(D, aOff + i + (long) p * lda);
          double bpj = transB ? b.getAtIndex(D, bOff + j + (long) p * ldb) : b.getAtIndex(D, bOff + p + (long) j * ldb);
          s = Math.fma(aip, bpj, s);
        }
        c.setAtIndex(D, cj + i, Math.fma(alpha, s, c.getAtIndex(D, cj + i)));
      }
    }
  }
}
