package org.dmftbench.eigen;

import org.dmftbench.linalg.DMatrix;

/**
 * Eigen-decomposition T = Z diag(λ) Zᵀ of a symmetric tridiagonal matrix given by its diagonal
 * {@code d} (length n) and sub-diagonal {@code e} (length ≥ n − 1). On return {@code d} holds the
 * eigenvalues ascending; {@code e} is destroyed. Both arrays are heap arrays: the tridiagonal stage
 * is O(n²) scalar work that plain Java runs well.
 */
public interface TridiagonalEigenSolver {

  /** A short name, e.g. {@code "ql"}. */
  String name();

  /** d ← eigenvalues of T, ascending. */
  void values(double[] d, double[] e);

  /** d ← eigenvalues ascending; {@code z} (n×n) ← the eigenvectors of T, column j for d[j]. */
  void vectors(double[] d, double[] e, DMatrix z);

  /** d ← eigenvalues ascending; {@code c} (n×k) ← Zᵀ c, rows in the order of d. */
  void projections(double[] d, double[] e, DMatrix c);
}
