package dev.alberca.pool.api.spi;

import java.lang.System.Logger.Level;

/**
 * The one way every provider reports a suspected connection leak: a WARNING on the {@code System.Logger}
 * named {@value #LOGGER}, with the borrower's stack as the thrown object, so one log rule catches leaks
 * whatever the pool.
 *
 * <pre>{@code
 * LeakReport.report(poolName, heldMillis, thresholdMillis, borrower.getName(), stackAtBorrow);
 * }</pre>
 */
public final class LeakReport {

    /** The logger every leak report goes to. */
    public static final String LOGGER = "dev.alberca.pool.leak";

    private static final System.Logger LOG = System.getLogger(LOGGER);

    private LeakReport() {
    }

    /**
     * Reports one leak. Call it once per borrow that outlived the threshold.
     *
     * @param borrowedAt a throwable created when the connection was borrowed: its stack shows where
     */
    public static void report(String poolName, long heldMillis, long thresholdMillis, String threadName,
                              Throwable borrowedAt) {
        LOG.log(Level.WARNING, message(poolName, heldMillis, thresholdMillis, threadName), borrowedAt);
    }

    /** The report's text. */
    public static String message(String poolName, long heldMillis, long thresholdMillis, String threadName) {
        return "pool '" + poolName + "': connection leak suspected: a connection borrowed by thread '" + threadName
                + "' " + heldMillis + " ms ago is still not given back (leak-detection-threshold=" + thresholdMillis
                + " ms); the stack trace shows where it was borrowed; close it when done, e.g. with"
                + " try-with-resources";
    }
}
