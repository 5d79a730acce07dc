package dev.alberca.pool.api.spi;

/**
 * Clauses of the pool contract that a provider may declare it cannot keep
 * ({@link ConnectionProvider#missingCapabilities()}). Everything not listed here every provider must keep.
 */
public enum Capability {

    /** {@code close()} fails callers that are waiting for a connection within one second. */
    RELEASE_WAITERS_ON_CLOSE("close() fails waiting callers at once"),

    /** A borrow beyond max-waiting waiting callers fails at once. */
    MAX_WAITING("max-waiting refuses extra waiters at once"),

    /** A borrow honours the acquire timeout even while the network or the server hangs. */
    BOUNDED_BORROW_UNDER_HANGS("borrow bounded by acquire-timeout under network or server hangs"),

    /** Closing a connection that broke on a frozen network returns at once. */
    NON_BLOCKING_CLOSE_OF_BROKEN("close() of a broken connection does not block");

    private final String clause;

    Capability(String clause) {
        this.clause = clause;
    }

    /** The clause in a few words, for reports. */
    public String clause() {
        return clause;
    }
}
