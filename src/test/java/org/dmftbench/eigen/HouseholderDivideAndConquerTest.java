package org.dmftbench.eigen;

/** The contract for Householder + divide and conquer in every mode. */
class HouseholderDivideAndConquerTest extends SymmetricEigenSolverContract {
  @Override
  SymmetricEigenSolver solver() {
    return EigenSolvers.householderDivideAndConquer(K);
  }
}
