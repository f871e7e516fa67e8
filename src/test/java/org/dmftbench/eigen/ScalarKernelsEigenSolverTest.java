package org.dmftbench.eigen;

import org.dmftbench.kernels.Kernels;

/** The contract on the plain Java kernel twins (the default run uses the Vector API ones). */
class ScalarKernelsEigenSolverTest extends SymmetricEigenSolverContract {
  @Override
  SymmetricEigenSolver solver() {
    return EigenSolvers.standard(Kernels.scalarDense());
  }
}
