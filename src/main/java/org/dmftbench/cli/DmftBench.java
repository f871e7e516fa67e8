package org.dmftbench.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/**
 * The {@code dmftbench} command line. Exit codes: 0 success, 1 internal error, 2 bad usage or bad
 * input; further codes are documented by the subcommands that use them. Errors are one line on
 * standard error; {@code --verbose} adds the stack trace.
 */
@Command(name = "dmftbench",
    mixinStandardHelpOptions = true,
    versionProvider = DmftBench.Version.class,
    description = "SIMD solver for the learning dynamics of kernel regression with power-law spectra (DMFT), "
        + "and its benchmark suite.",
    subcommands = {
        InfoCommand.class,
        EigCommand.class,
        CurveCommand.class,
        StaticCommand.class,
        ReportCommand.class,
        CompareCommand.class,
        MatrixCommand.class,
        SimulateCommand.class,
        ScalingCommand.class,
        CommandLine.HelpCommand.class,
    })
public final class DmftBench implements Runnable {

  /** Exit code of a successful run. */
  public static final int OK = 0;
  /** Exit code of an internal error (a bug or an environment failure). */
  public static final int INTERNAL_ERROR = 1;
  /** Exit code of bad usage or bad input. */
  public static final int BAD_INPUT = 2;

  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams and returns the exit code (for tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  /** The configured picocli command line with the project's error handling. */
  public static CommandLine commandLine() {
    DmftBench app = new DmftBench();
    CommandLine cl = new CommandLine(app);
    cl.setExitCodeExceptionMapper(DmftBench::exitCodeOf);
    cl.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("dmftbench: " + ex.getMessage());
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
      return BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      err.println("dmftbench: " + messageOf(ex));
      if (app.verbose) {
        ex.printStackTrace(err);
      }
      err.flush();
      return exitCodeOf(ex);
    });
    return cl;
  }

  /** One line describing an error: its message, or its type when it has none. */
  static String messageOf(Throwable ex) {
    Throwable t = ex;
    while ((t.getMessage() == null || t.getMessage().isBlank()) && t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return "internal error: " + t.getClass().getName() + " (run with --verbose for details)";
    }
    if (t instanceof IllegalArgumentException || t instanceof UserInputException) {
      return m.lines().findFirst().orElse(m);
    }
    if (t instanceof java.io.IOException) {
      return "I/O error: " + m;
    }
    return "internal error: " + t.getClass().getSimpleName() + ": " + m + " (run with --verbose for details)";
  }

  static int exitCodeOf(Throwable ex) {
    if (ex instanceof UserInputException u) {
      return u.exitCode();
    }
    if (ex instanceof IllegalArgumentException || ex instanceof java.io.IOException) {
      return BAD_INPUT;
    }
    return INTERNAL_ERROR;
  }

  /** Version from the filtered resource written by the build (also in the jar manifest). */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = DmftBench.class.getPackage().getImplementationVersion();
      if (v == null) {
        try (InputStream in = DmftBench.class.getResourceAsStream("/dmftbench-version.properties")) {
          Properties p = new Properties();
          if (in != null) {
            p.load(in);
          }
          v = p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
          v = "unknown";
        }
      }
      return new String[] {"dmftbench " + v,
          "JVM: " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version")};
    }
  }
}
