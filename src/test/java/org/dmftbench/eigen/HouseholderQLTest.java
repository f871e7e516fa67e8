package org.dmftbench.eigen;

/** The contract for Householder + implicit QL in every mode. */
class HouseholderQLTest extends SymmetricEigenSolverContract {
  @Override
  SymmetricEigenSolver solver() {
    return EigenSolvers.householderQL(K);
  }
}
