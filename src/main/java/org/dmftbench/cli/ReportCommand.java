package org.dmftbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.dmftbench.report.Provenance;
import org.dmftbench.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

  @Parameters(index = "0", arity = "0..1", paramLabel = "RESULT_DIR",
      description = "A result bundle (results/<date>-<jdk>-<commit>/).")
  Path bundle;

  @Option(names = "--provenance",
      description = "Print the provenance of this JVM and checkout (as recorded in bundles) as JSON, and exit.")
  boolean provenance;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (provenance) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(Provenance.collect()));
      out.flush();
      return DmftBench.OK;
    }
    if (bundle == null) {
      throw new UserInputException("give a RESULT_DIR (or --provenance)");
    }
    List<Path> files = Report.read(bundle).write();
    for (Path f : files) {
      out.println("wrote " + f);
    }
    out.flush();
    return DmftBench.OK;
  }
}
