package org.dmftbench.kernels;

class ScalarComplexKernelsTest extends ComplexKernelsContract {
  @Override
  ComplexKernels kernels() {
    return new ScalarComplexKernels();
  }
}
