package org.dmftbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dmftbench.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dmftbench report RESULT_DIR}: regenerates a bundle's summary.md and charts from its JSON. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write summary.md and charts/ (PNG + SVG) of a result bundle from its jmh.json, "
        + "accuracy.jsonl and provenance.json.",
        "Exit codes: 0 ok, 2 missing, truncated or corrupted result files."})
final class ReportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RESULT_DIR", description = "A result bundle (results/<date>-<jdk>-<commit>/).")
  Path bundle;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<Path> files = Report.read(bundle).write();
    for (Path f : files) {
      out.println("wrote " + f);
    }
    out.flush();
    return DmftBench.OK;
  }
}
