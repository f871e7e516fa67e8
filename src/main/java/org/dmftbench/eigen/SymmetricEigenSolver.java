package org.dmftbench.eigen;

import org.dmftbench.linalg.DMatrix;

/**
 * Eigen-decomposition A = V diag(λ) Vᵀ of a real symmetric n×n matrix held off-heap. Only the lower
 * triangle of A is read (entries above the diagonal are ignored, as in LAPACK with {@code UPLO='L'}).
 *
 * <p>Three modes:
 * <ol>
 *   <li>{@link #values}: the eigenvalues λ, ascending;</li>
 *   <li>{@link #vectors}: the eigenvalues and the orthonormal eigenvectors V (column j belongs to λ_j);</li>
 *   <li>{@link #projections}: the eigenvalues and VᵀB for a given n×k matrix B, without forming V.</li>
 * </ol>
 * Column signs of V (and so row signs of VᵀB) are whatever the algorithm produces; within a
 * repeated eigenvalue any orthonormal basis of the eigenspace may be returned. For one solver,
 * {@link #projections} returns VᵀB for the same V that {@link #vectors} returns, up to rounding,
 * when both modes run the same tridiagonal algorithm (see {@link EigenSolvers}).
 *
 * <p>Input contract: see {@link #inputModified()}. Every implementation rejects a matrix with a
 * non-finite entry in its lower triangle with an {@link IllegalArgumentException} naming the entry,
 * and throws {@link ArithmeticException} if the iteration fails to converge (never silently).
 */
public interface SymmetricEigenSolver {

  /** A short name naming the algorithms, e.g. {@code "householder+ql"}. */
  String name();

  /**
   * Whether the solver writes into the matrix A it is given. Implementations of this package
   * return {@code false}: they copy A into scratch memory they own, and A is left bit-for-bit
   * unchanged (the contract suite checks this).
   */
  boolean inputModified();

  /** Eigenvalues of A, ascending. */
  double[] values(DMatrix a);

  /**
   * Eigenvalues of A, ascending, and eigenvectors written into the columns of {@code v} (n×n, may
   * have any leading dimension; must not overlap A).
   */
  double[] vectors(DMatrix a, DMatrix v);

  /**
   * Eigenvalues of A, ascending, and {@code b} (n×k) overwritten by VᵀB, where V holds the
   * eigenvectors of A in the order of the returned eigenvalues. V is not formed.
   */
  double[] projections(DMatrix a, DMatrix b);
}
