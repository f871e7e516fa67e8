package org.dmftbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.dmftbench.kernels.Kernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dmftbench info}: the JVM, the CPU and the kernel provider this run would use. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Print the JVM, CPU and the kernel provider (SIMD or scalar) in use.")
final class InfoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("jvm       " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")
        + " (" + System.getProperty("java.home") + ")");
    out.println("os        " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    out.println("cpus      " + Runtime.getRuntime().availableProcessors());
    out.println("kernels   " + Kernels.describe());
    out.flush();
    return DmftBench.OK;
  }
}
