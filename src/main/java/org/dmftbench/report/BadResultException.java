package org.dmftbench.report;

/**
 * A result file (JMH JSON, accuracy lines, provenance) that cannot be read: missing, truncated,
 * corrupted or of the wrong shape. Its message is one line naming the file and what is wrong; the
 * command line reports it and exits with status 2.
 */
public final class BadResultException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  public BadResultException(String message) {
    super(message);
  }
}
