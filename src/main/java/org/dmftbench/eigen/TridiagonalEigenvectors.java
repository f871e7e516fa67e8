package org.dmftbench.eigen;

import org.dmftbench.linalg.DMatrix;

/**
 * The orthogonal eigenvector matrix Z of a symmetric tridiagonal T = Z diag(λ) Zᵀ, held in whatever
 * form its algorithm produced and applied without forming it. {@link TridiagonalDivideAndConquer#factor}
 * keeps Z as its tree of merges: applying it to k vectors costs about 4n²k flops, against n³ and more
 * to form it, which is what a caller that needs Z·X for a few dozen columns wants.
 */
public interface TridiagonalEigenvectors {

  /** The order n of T. */
  int size();

  /** X ← Z X for an n×k matrix X. */
  void multiply(DMatrix x);

  /** C ← Zᵀ C for an n×k matrix C. */
  void multiplyTranspose(DMatrix c);

  /** z (n×n) ← Z, column j the eigenvector of λ_j. */
  void toExplicit(DMatrix z);
}
