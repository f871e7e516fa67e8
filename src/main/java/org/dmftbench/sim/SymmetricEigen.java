package org.dmftbench.sim;

import java.lang.foreign.Arena;
import org.dmftbench.Tuning;
import org.dmftbench.eigen.EigenSolvers;
import org.dmftbench.eigen.HouseholderBackTransform;
import org.dmftbench.eigen.HouseholderTridiagonalizer;
import org.dmftbench.eigen.SymmetricEigenSolver;
import org.dmftbench.eigen.TridiagonalDivideAndConquer;
import org.dmftbench.eigen.TridiagonalEigenvectors;
import org.dmftbench.kernels.DenseKernels;
import org.dmftbench.kernels.Kernels;
import org.dmftbench.linalg.Blas;
import org.dmftbench.linalg.DMatrix;

/**
 * The eigen-solve of one draw: the symmetric matrix A (lower triangle read) as an {@link EigenBasis}.
 *
 * <p>Why not projections only: the curve at n_t times is V·X for an r×n_t matrix X (see
 * {@link ExactDraw}) — V applied forwards, which a projection mode VᵀB cannot give — and the
 * Langevin weights need every entry of V.
 *
 * <p>Two implementations:
 * <ul>
 *   <li>{@link #standard()} — factored: A = Q T Qᵀ by the project's blocked Householder
 *       tridiagonalization (Q stays as the reflectors in A, with compact WY factors whose YᵀY comes
 *       from the reduction's panels), T = Z diag(a) Zᵀ by divide and conquer with Z kept as its tree of
 *       merges ({@link TridiagonalDivideAndConquer#factor}), and neither Z nor V = QZ is formed
 *       unless needed: V·X = Q(Z X) costs about 4n²k flops through the tree plus a 4n²k blocked
 *       reflector application, VᵀB = Zᵀ(QᵀB) likewise. This saves both the ~(4/3)n³ flops of
 *       forming Z and the 2n³ of the back-transformation of the vectors mode (LAPACK dormtr); it is
 *       exactly the vectors mode's V, applied lazily. Assumes the matrix needs no scaling (largest entry within
 *       [1e-140, 1e140], as for any Gram matrix of data in double range); otherwise it falls back to
 *       the scaled solver;</li>
 *   <li>{@link #of(SymmetricEigenSolver)} — the eigensolver's vectors mode, V explicit.</li>
 * </ul>
 */
public interface SymmetricEigen {

  /** Name of the algorithm, for logs and benchmark labels. */
  String name();

  /**
   * The eigenbasis of the symmetric n×n matrix {@code a}, allocated in {@code arena}. {@code a} is
   * consumed: its contents are unspecified afterwards, and the basis may keep reading them (the
   * factored basis holds Q's reflectors there), so {@code a} must not change while the basis is used.
   *
   * @throws ArithmeticException when the iteration does not converge
   */
  EigenBasis factor(Arena arena, DMatrix a);

  /**
   * As {@link #factor(Arena, DMatrix)}, and b (n×k) ← Vᵀb unless b is null. The factored solver forms Vᵀb = Zᵀ(Qᵀb)
   * inside its divide and conquer ({@link TridiagonalDivideAndConquer#factor(double[], double[], Arena,
   * DMatrix)}), with no pass of its own over the tree; others apply Vᵀ afterwards.
   */
  default EigenBasis factor(Arena arena, DMatrix a, DMatrix b) {
    EigenBasis basis = factor(arena, a);
    if (b != null) {
      b.copyFrom(basis.multiplyTranspose(b, arena));
    }
    return basis;
  }

  /** The factored solver on the default kernels. */
  static SymmetricEigen standard() {
    return factored(Kernels.dense());
  }

  /** The factored solver (see the class comment) on the given kernels. */
  static SymmetricEigen factored(DenseKernels kernels) {
    HouseholderTridiagonalizer reducer = new HouseholderTridiagonalizer(kernels);
    HouseholderBackTransform back = new HouseholderBackTransform(kernels, Tuning.EIGEN_PREPARED_BLOCK);
    TridiagonalDivideAndConquer dc = new TridiagonalDivideAndConquer(kernels);
    SymmetricEigen fallback = of(EigenSolvers.standard(kernels));
    return new SymmetricEigen() {
      @Override
      public String name() {
        return "factored householder+dc (V = QZ applied lazily, Z as the merge tree)";
      }

      @Override
      public EigenBasis factor(Arena arena, DMatrix a) {
        return factor(arena, a, null);
      }

      @Override
      public EigenBasis factor(Arena arena, DMatrix a, DMatrix b) {
        int n = a.rows();
        double max = a.maxAbsLower("the matrix");
        if (n < 2 || max < 1e-140 || max > 1e140) {
          return fallback.factor(arena, a, b);
        }
        double[] d = new double[n];
        double[] e = new double[n];
        double[] tau = new double[n];
        double[][] panelDots = new double[n][];
        reducer.reduce(a, d, e, tau, arena, panelDots);
        HouseholderBackTransform.Prepared q = back.prepare(a, tau, panelDots, arena);
        if (b != null) {
          q.apply(b, true, arena);
        }
        TridiagonalEigenvectors z = dc.factor(d, e, arena, b);
        return new Factored(q, z, d);
      }
    };
  }

  /** An adapter over one of the project's eigensolvers (vectors mode, V explicit). */
  static SymmetricEigen of(SymmetricEigenSolver solver) {
    return new SymmetricEigen() {
      @Override
      public String name() {
        return solver.name();
      }

      @Override
      public EigenBasis factor(Arena arena, DMatrix a) {
        DMatrix v = DMatrix.allocate(arena, a.rows(), a.rows());
        double[] values = solver.vectors(a, v);
        return EigenBasis.explicit(v, values, Blas.get());
      }
    };
  }

  /**
   * V = Q Z with Q held as Householder reflectors in compact WY blocks (formed once, used by both
   * directions) and Z as the divide-and-conquer tree.
   */
  final class Factored implements EigenBasis {
    private final HouseholderBackTransform.Prepared q;
    private final TridiagonalEigenvectors z;
    private final double[] values;
    private DMatrix v;

    Factored(HouseholderBackTransform.Prepared q, TridiagonalEigenvectors z, double[] values) {
      this.q = q;
      this.z = z;
      this.values = values;
    }

    @Override
    public double[] values() {
      return values;
    }

    @Override
    public int dimension() {
      return z.size();
    }

    @Override
    public void multiply(DMatrix x, DMatrix out, Arena arena) {
      out.copyFrom(x);
      z.multiply(out);
      q.apply(out, false, arena);
    }

    @Override
    public DMatrix multiplyTranspose(DMatrix b, Arena arena) {
      q.apply(b, true, arena);
      DMatrix out = DMatrix.allocate(arena, z.size(), b.cols());
      out.copyFrom(b);
      z.multiplyTranspose(out);
      return out;
    }

    @Override
    public DMatrix explicit(Arena arena) {
      if (v == null) {
        DMatrix vz = DMatrix.allocate(arena, z.size(), z.size());
        z.toExplicit(vz);
        q.apply(vz, false, arena);
        v = vz;
      }
      return v;
    }
  }
}
