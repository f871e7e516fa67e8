package org.dmftbench.kernels;

/** The dense kernel contract on the plain Java twin. */
final class ScalarDenseKernelsTest extends DenseKernelsContract {

  @Override
  protected DenseKernels kernels() {
    return new ScalarDenseKernels();
  }
}
