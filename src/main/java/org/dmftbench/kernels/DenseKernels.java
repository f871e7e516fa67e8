package org.dmftbench.kernels;

import java.lang.foreign.MemorySegment;

/**
 * Real double-precision BLAS-style kernels over off-heap memory.
 *
 * <p>All operands are {@link MemorySegment}s of {@code double}s in native byte order; offsets and
 * leading dimensions are counted in elements, matrices are column-major: element (i, j) of a
 * matrix at offset {@code off} with leading dimension {@code ld} is at {@code off + i + j*ld}.
 * Vectors have unit stride.
 *
 * <p>Kernels do not check shapes or bounds beyond what {@code MemorySegment} itself enforces;
 * the checked entry point is {@link org.dmftbench.linalg.Blas}. Semantics follow the reference
 * BLAS (Dongarra et al., "A set of level 3 basic linear algebra subprograms", ACM TOMS 16, 1990;
 * netlib reference implementation), including that {@code beta == 0} overwrites {@code y}/{@code C}
 * without reading it (so NaN garbage in an output buffer does not propagate).
 *
 * <p>Two implementations: {@link ScalarDenseKernels} (plain Java, the reference twin) and the
 * Vector API one in {@code org.dmftbench.kernels.panama}; {@link Kernels} picks one at start-up.
 */
public interface DenseKernels {

  /** Name of the implementation, e.g. {@code "scalar"} or {@code "panama(256-bit)"}. */
  String name();

  /** Returns Σ_{i<n} x_i y_i. */
  double dot(int n, MemorySegment x, long xOff, MemorySegment y, long yOff);

  /** y ← a·x + y. Element-wise: bit-identical across implementations (one FMA per element). */
  void axpy(int n, double a, MemorySegment x, long xOff, MemorySegment y, long yOff);

  /** x ← a·x. Element-wise, bit-identical across implementations. */
  void scal(int n, double a, MemorySegment x, long xOff);

  /** Returns ‖x‖₂ without overflow or harmful underflow for any finite input (scaled sum of squares). */
  double nrm2(int n, MemorySegment x, long xOff);

  /** y ← α·A·x + β·y with A m×n. */
  void gemvN(int m, int n, double alpha, MemorySegment a, long aOff, int lda,
             MemorySegment x, long xOff, double beta, MemorySegment y, long yOff);

  /** y ← α·Aᵀ·x + β·y with A m×n (x has m entries, y has n). */
  void gemvT(int m, int n, double alpha, MemorySegment a, long aOff, int lda,
             MemorySegment x, long xOff, double beta, MemorySegment y, long yOff);

  /** y ← α·A·x + β·y with A n×n symmetric, only its lower triangle read. */
  void symvLower(int n, double alpha, MemorySegment a, long aOff, int lda,
                 MemorySegment x, long xOff, double beta, MemorySegment y, long yOff);

  /**
   * Copies the lower triangle of the n×n matrix A into {@code packed} (at least
   * {@link PackedLower#size}(n) doubles) in the tiled layout of {@link PackedLower}. Element-wise:
   * bit-identical across implementations.
   */
  void packLower(int n, MemorySegment a, long aOff, int lda, MemorySegment packed, long pOff);

  /**
   * y ← α·S·x + β·y where S = A(from:n, from:n) is the trailing part of a symmetric n×n matrix
   * packed by {@link #packLower}; {@code from} is a multiple of {@link PackedLower#WIDTH}, x and y
   * have n − from entries. The product of the tridiagonal reduction, which reads the same packed
   * trailing matrix for every column of a panel.
   */
  void symvLowerPacked(int n, int from, double alpha, MemorySegment packed, long pOff,
                       MemorySegment x, long xOff, double beta, MemorySegment y, long yOff);

  /** A ← α(x yᵀ + y xᵀ) + A on the lower triangle of the n×n matrix A. */
  void syr2Lower(int n, double alpha, MemorySegment x, long xOff, MemorySegment y, long yOff,
                 MemorySegment a, long aOff, int lda);

  /**
   * C ← α(A Bᵀ + B Aᵀ) + β·C on the lower triangle of the n×n matrix C, with A and B n×k
   * (the rank-2k update of LAPACK {@code dsytrd}'s trailing matrix).
   */
  void syr2kLower(int n, int k, double alpha, MemorySegment a, long aOff, int lda,
                  MemorySegment b, long bOff, int ldb, double beta, MemorySegment c, long cOff, int ldc);

  /**
   * C ← α·AᵀA + β·C on the lower triangle of the n×n matrix C, with A k×n (BLAS {@code dsyrk}
   * with uplo = 'L', trans = 'T'): the Gram matrix of the columns of A, e.g. ΦᵀΦ/P of P samples.
   */
  void syrkLower(int n, int k, double alpha, MemorySegment a, long aOff, int lda, double beta,
                 MemorySegment c, long cOff, int ldc);

  /**
   * C ← α·op(A)·op(B) + β·C, C m×n, op(A) m×k, op(B) k×n, op(X) = X or Xᵀ.
   */
  void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha,
            MemorySegment a, long aOff, int lda, MemorySegment b, long bOff, int ldb,
            double beta, MemorySegment c, long cOff, int ldc);

  /**
   * The two sums of the secular equation 1/ρ + Σ z_i²/(d_i − λ) = 0 at one iterate, as LAPACK
   * {@code dlaed4} forms them: with δ_i = diff_i − t and q_i = z_i/δ_i over i in [from, to),
   * out[0] ← Σ z_i q_i (the sum) and out[1] ← Σ q_i² (its derivative in λ), one division per term.
   * The terms are element-wise (bit-identical across implementations); the two sums are reductions.
   * Heap arrays: the secular data are O(n) per merge of divide and conquer.
   */
  void secularSums(int from, int to, double[] z, double[] diff, double t, double[] out);

  /**
   * The terms of the secular derivative kept: q_i ← z_i/(diff_i − t) for i in [from, to), and the
   * return value Σ q_i², the squared norm of the Gu–Eisenstat eigenvector column (ẑ_i/(d_i − λ))_i
   * before normalization (LAPACK {@code dlaed3}). The q_i are element-wise (bit-identical across
   * implementations); the sum is a reduction.
   */
  double secularQuotients(int from, int to, double[] z, double[] diff, double t, double[] q);
}
