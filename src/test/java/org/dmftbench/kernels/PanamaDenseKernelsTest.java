package org.dmftbench.kernels;

import org.dmftbench.kernels.panama.PanamaKernels;

/** The dense kernel contract on the Vector API implementation. */
final class PanamaDenseKernelsTest extends DenseKernelsContract {

  @Override
  protected DenseKernels kernels() {
    return PanamaKernels.dense();
  }
}
