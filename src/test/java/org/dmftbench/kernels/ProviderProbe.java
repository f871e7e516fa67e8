package org.dmftbench.kernels;

/** Prints the provider's choice; run in a child JVM by {@link KernelsProviderTest}. */
public final class ProviderProbe {

  private ProviderProbe() {
  }

  public static void main(String[] args) {
    System.out.println(Kernels.dense().name() + "|" + Kernels.isVectorized() + "|" + Kernels.describe());
  }
}
