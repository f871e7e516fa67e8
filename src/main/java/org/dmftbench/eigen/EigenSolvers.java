package org.dmftbench.eigen;

import org.dmftbench.Tuning;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.linalg.DMatrix;

/**
 * The entry point to the symmetric eigensolvers: {@link #standard()} picks the algorithm per call by
 * size and mode; the named factories give one fixed algorithm (tests and benchmarks compare them).
 *
 * <p>Choice of {@link #standard()} (thresholds in the eigen section of {@link Tuning}):
 * <ul>
 *   <li>values: Householder tridiagonalization + implicit QL (O(n²) after the reduction; the
 *       tridiagonal stage is ~1 % of the time at n = 1024);</li>
 *   <li>vectors: for n ≥ {@link Tuning#EIGEN_DC_MIN_N} Householder + divide and conquer + blocked
 *       back-transformation (the merges run in gemm); below, QL with rotation accumulation;</li>
 *   <li>projections VᵀB: Householder + Qᵀ B (blocked) + QL with its rotations applied to the k rows
 *       of Qᵀ B. This costs the values-only time plus O(n²k): forming Z by divide and conquer (even
 *       without the back-transformation) would add O(n³) and cannot be faster for k ≪ n.</li>
 * </ul>
 *
 * <p><b>diag(VᵀΛV) for the experiment.</b> d_i = Σ_k λ_k V_ki² needs every entry of V: it is a
 * weighted sum of squares, and no product with a few vectors B gives it (VᵀΛV = Zᵀ(QᵀΛQ)Z would
 * need the n×n matrix QᵀΛQ, which costs more than V itself). When the experiment needs d it uses
 * mode 2 ({@link SymmetricEigenSolver#vectors}) and reads d from V in one O(n²) pass; the
 * projections Vᵀb and Vᵀw̄ then come from the same V by gemv. When d is not needed (noise-free
 * targets, T = 0) mode 3 with B = [b, w̄, w(0)] is the cheap path.
 */
public final class EigenSolvers {

  private EigenSolvers() {
  }

  /** Householder + QL for every mode. */
  public static HouseholderEigenSolver householderQL() {
    return householderQL(Kernels.dense());
  }

  /** Householder + QL on the given kernels. */
  public static HouseholderEigenSolver householderQL(DenseKernels kernels) {
    return new HouseholderEigenSolver(kernels, new TridiagonalQL());
  }

  /** Householder + divide and conquer for every mode. */
  public static HouseholderEigenSolver householderDivideAndConquer() {
    return householderDivideAndConquer(Kernels.dense());
  }

  /** Householder + divide and conquer on the given kernels. */
  public static HouseholderEigenSolver householderDivideAndConquer(DenseKernels kernels) {
    return new HouseholderEigenSolver(kernels, new TridiagonalDivideAndConquer(kernels));
  }

  /** The solver that picks the algorithm by size and mode (see the class comment). */
  public static SymmetricEigenSolver standard() {
    return standard(Kernels.dense());
  }

  /** {@link #standard()} on the given kernels. */
  public static SymmetricEigenSolver standard(DenseKernels kernels) {
    return new BySizeAndMode(householderQL(kernels), householderDivideAndConquer(kernels));
  }

  /**
   * {@link #standard(DenseKernels)} with the back-transformation of the eigenvectors on
   * {@code threads} threads (each applies the reflectors to its own columns). The reduction, the
   * tridiagonal solvers and everything else stay on one thread and in confined memory, so
   * values-only and projections run as in the one-thread solver. (Splitting each divide-and-conquer
   * merge over two threads made it slower: the merge's other work ran twice as slow on the shared
   * memory the threads need; see {@link HouseholderEigenSolver}.)
   */
  public static SymmetricEigenSolver standard(DenseKernels kernels, int threads) {
    if (threads == 1) {
      return standard(kernels);
    }
    HouseholderEigenSolver dc = new HouseholderEigenSolver(new HouseholderTridiagonalizer(kernels),
        new TridiagonalDivideAndConquer(kernels),
        new HouseholderBackTransform(kernels, Tuning.EIGEN_BACKTRANSFORM_BLOCK, threads), true);
    return new BySizeAndMode(householderQL(kernels), dc);
  }

  /** Dispatches each call to QL or divide and conquer. */
  private static final class BySizeAndMode implements SymmetricEigenSolver {
    private final SymmetricEigenSolver ql;
    private final SymmetricEigenSolver dc;

    BySizeAndMode(SymmetricEigenSolver ql, SymmetricEigenSolver dc) {
      this.ql = ql;
      this.dc = dc;
    }

    @Override
    public String name() {
      return "standard(values: " + ql.name() + ", vectors: " + dc.name() + " from n=" + Tuning.EIGEN_DC_MIN_N
          + ", projections: " + ql.name() + ")";
    }

    @Override
    public boolean inputModified() {
      return ql.inputModified() || dc.inputModified();
    }

    @Override
    public double[] values(DMatrix a) {
      return ql.values(a);
    }

    @Override
    public double[] vectors(DMatrix a, DMatrix v) {
      return (a.rows() >= Tuning.EIGEN_DC_MIN_N ? dc : ql).vectors(a, v);
    }

    @Override
    public double[] projections(DMatrix a, DMatrix b) {
      return ql.projections(a, b);
    }
  }
}
