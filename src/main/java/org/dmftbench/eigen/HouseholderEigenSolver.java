package org.dmftbench.eigen;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.linalg.DMatrix;

/**
 * The dense symmetric eigensolver of LAPACK's {@code dsyev}/{@code dsyevd} structure: scale, reduce
 * to tridiagonal form by {@link HouseholderTridiagonalizer} (A = Q T Qᵀ), solve the tridiagonal
 * problem T = Z Λ Zᵀ with the given {@link TridiagonalEigenSolver}, and back-transform by
 * {@link HouseholderBackTransform}: V = Q Z, or for projections VᵀB = Zᵀ (Qᵀ B).
 *
 * <p><b>Scaling.</b> As in {@code dsyev}, when the largest entry of A lies outside
 * [rmin, rmax] = [√(safmin/ε), √(ε/safmin)] ≈ [1e−146, 7e145], A is scaled into that range before
 * the reduction (here by a power of two, so the scaling itself is exact) and the eigenvalues are
 * scaled back; entries near 1e±150 therefore neither overflow nor underflow.
 *
 * <p><b>Input.</b> The lower triangle of A is copied into scratch memory owned by the call; A is
 * never written ({@link #inputModified()} is false). Non-finite entries of the lower triangle are
 * rejected with an {@link IllegalArgumentException} naming the first one.
 *
 * <p><b>Mode 3 cost.</b> After the 4n³/3-flop reduction, Qᵀ B costs 4n²k flops and Zᵀ(QᵀB) costs
 * what the tridiagonal solver needs for k right-hand sides: with QL, O(n²k) rotations — a few
 * percent of the reduction for k = 3; with divide and conquer, Z itself (O(n³) in the merges) plus
 * a 2n²k gemm.
 */
public final class HouseholderEigenSolver implements SymmetricEigenSolver {

  private static final double EPS = 0x1p-52;
  private static final double SMLNUM = Double.MIN_NORMAL / EPS;
  private static final double RMIN = Math.sqrt(SMLNUM);
  private static final double RMAX = Math.sqrt(1.0 / SMLNUM);

  private final TridiagonalEigenSolver tridiagonal;
  private final HouseholderTridiagonalizer reducer;
  private final HouseholderBackTransform back;
  private final boolean multiThreaded;

  /** A single-threaded solver composed of the given parts. */
  public HouseholderEigenSolver(HouseholderTridiagonalizer reducer, TridiagonalEigenSolver tridiagonal,
                                HouseholderBackTransform back) {
    this(reducer, tridiagonal, back, false);
  }

  /**
   * A solver composed of the given parts; {@code multiThreaded} makes {@link #vectors} hand the
   * back-transformation shared copies of the reflectors and of Z (3n² doubles copied), so that it
   * can split the columns over its threads. Everything else works in confined memory: the same
   * code ran about twice as slow on shared segments here (the divide-and-conquer eigenvectors of a
   * tridiagonal matrix of order 1024: 180-260 ms on shared, 92-117 ms on confined memory, one
   * thread), and a JVM that fed the level-2 kernels both kinds ran them up to 1.7× slower (see
   * {@link org.dmftbench.Tuning}).
   */
  public HouseholderEigenSolver(HouseholderTridiagonalizer reducer, TridiagonalEigenSolver tridiagonal,
                                HouseholderBackTransform back, boolean multiThreaded) {
    this.reducer = reducer;
    this.tridiagonal = tridiagonal;
    this.back = back;
    this.multiThreaded = multiThreaded;
  }

  /** A solver with default block sizes on the given kernels. */
  public HouseholderEigenSolver(DenseKernels kernels, TridiagonalEigenSolver tridiagonal) {
    this(new HouseholderTridiagonalizer(kernels), tridiagonal, new HouseholderBackTransform(kernels));
  }

  @Override
  public String name() {
    return "householder+" + tridiagonal.name();
  }

  @Override
  public boolean inputModified() {
    return false;
  }

  /** The tridiagonal solver this solver composes. */
  public TridiagonalEigenSolver tridiagonal() {
    return tridiagonal;
  }

  @Override
  public double[] values(DMatrix a) {
    order(a);
    try (Arena arena = Arena.ofConfined()) {
      Reduced r = reduce(a, arena);
      tridiagonal.values(r.d, r.e);
      return r.unscale();
    }
  }

  @Override
  public double[] vectors(DMatrix a, DMatrix v) {
    int n = order(a);
    if (v.rows() != n || v.cols() != n) {
      throw new IllegalArgumentException("eigenvector matrix must be " + n + "x" + n + ", is " + v.rows() + "x" + v.cols());
    }
    try (Arena arena = Arena.ofConfined()) {
      Reduced r = reduce(a, arena);
      if (!multiThreaded) {
        tridiagonal.vectors(r.d, r.e, v);
        back.apply(r.work, r.tau, v, false, arena);
        return r.unscale();
      }
      // the tridiagonal eigenvectors on this thread, in confined memory; the back-transformation
      // splits the columns over the threads, which share copies of the reflectors and of Z
      DMatrix z0 = DMatrix.allocate(arena, n, n);
      tridiagonal.vectors(r.d, r.e, z0);
      try (Arena shared = Arena.ofShared()) {
        DMatrix reflectors = DMatrix.allocate(shared, n, n);
        reflectors.copyFrom(r.work);
        DMatrix z = DMatrix.allocate(shared, n, n);
        z.copyFrom(z0);
        back.apply(reflectors, r.tau, z, false, shared);
        v.copyFrom(z);
      }
      return r.unscale();
    }
  }

  @Override
  public double[] projections(DMatrix a, DMatrix b) {
    int n = order(a);
    if (b.rows() != n) {
      throw new IllegalArgumentException("B must have " + n + " rows (the order of A), has " + b.rows());
    }
    try (Arena arena = Arena.ofConfined()) {
      Reduced r = reduce(a, arena);
      back.apply(r.work, r.tau, b, true, arena);
      tridiagonal.projections(r.d, r.e, b);
      return r.unscale();
    }
  }

  private static int order(DMatrix a) {
    if (a.rows() != a.cols()) {
      throw new IllegalArgumentException("a symmetric eigenproblem needs a square matrix, got " + a.rows() + "x" + a.cols());
    }
    return a.rows();
  }

  /** The tridiagonal form of a scaled copy of A, with what is needed to undo the scaling. */
  private static final class Reduced {
    DMatrix work;
    double[] d;
    double[] e;
    double[] tau;
    int scaleExponent;

    double[] unscale() {
      if (scaleExponent != 0) {
        for (int i = 0; i < d.length; i++) {
          d[i] = Math.scalb(d[i], -scaleExponent);
        }
      }
      return d;
    }
  }

  private Reduced reduce(DMatrix a, Arena arena) {
    int n = a.rows();
    Reduced r = new Reduced();
    r.work = DMatrix.allocate(arena, n, n);
    r.d = new double[n];
    r.e = new double[Math.max(n, 1)];
    r.tau = new double[Math.max(n, 1)];
    double anrm = copyLowerChecked(a, r.work);
    int exp = 0;
    if (anrm > 0.0 && anrm < RMIN) {
      exp = Math.getExponent(RMIN) - Math.getExponent(anrm);
    } else if (anrm > RMAX) {
      exp = Math.getExponent(RMAX) - Math.getExponent(anrm) - 1;
    }
    if (exp != 0) {
      MemorySegment s = r.work.segment();
      for (int j = 0; j < n; j++) {
        for (int i = j; i < n; i++) {
          long at = r.work.index(i, j);
          s.setAtIndex(JAVA_DOUBLE, at, Math.scalb(s.getAtIndex(JAVA_DOUBLE, at), exp));
        }
      }
    }
    r.scaleExponent = exp;
    reducer.reduce(r.work, r.d, r.e, r.tau, arena);
    return r;
  }

  /** Copies the lower triangle of a into w, rejecting non-finite entries; returns max |a_ij| over it. */
  static double copyLowerChecked(DMatrix a, DMatrix w) {
    int n = a.rows();
    for (int j = 0; j < n; j++) {
      MemorySegment.copy(a.segment(), a.index(j, j) * Double.BYTES, w.segment(), w.index(j, j) * Double.BYTES,
          (long) (n - j) * Double.BYTES);
    }
    return w.maxAbsLower("the matrix");
  }

}
