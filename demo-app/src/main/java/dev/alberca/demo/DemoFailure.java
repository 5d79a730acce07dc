package dev.alberca.demo;

import picocli.CommandLine;

/** Ends a command with this message (printed as is, to stderr) and exit code. */
final class DemoFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    DemoFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Failed: bad input, an unknown id, a database error. */
    static DemoFailure failed(String message) {
        return new DemoFailure(CommandLine.ExitCode.SOFTWARE, message);
    }

    /** Usage error: the command line or the module path must change. */
    static DemoFailure usage(String message) {
        return new DemoFailure(CommandLine.ExitCode.USAGE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
