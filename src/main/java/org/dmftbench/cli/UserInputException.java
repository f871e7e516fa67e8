package org.dmftbench.cli;

/**
 * A problem with what the user gave (a file, an option value): reported as one line, with an exit
 * code ({@link DmftBench#BAD_INPUT} unless a subcommand documents another).
 */
public final class UserInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  public UserInputException(String message) {
    this(message, DmftBench.BAD_INPUT);
  }

  public UserInputException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
