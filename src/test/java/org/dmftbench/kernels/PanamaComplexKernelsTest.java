package org.dmftbench.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PanamaComplexKernelsTest extends ComplexKernelsContract {
  @Override
  ComplexKernels kernels() {
    return Kernels.complex();
  }

  @Test
  void theVectorImplementationRuns() {
    assertTrue(Kernels.complex().name().startsWith("panama"), "provider chose " + Kernels.describe());
  }
}
