package dev.alberca.pool.dbcp;

import dev.alberca.pool.api.spi.PhysicalConnection;
import org.apache.commons.dbcp2.ConnectionFactory;
import org.apache.commons.dbcp2.PoolableConnection;
import org.apache.commons.dbcp2.PoolableConnectionFactory;
import org.apache.commons.pool2.DestroyMode;
import org.apache.commons.pool2.PooledObject;

import java.sql.SQLException;
import java.time.Duration;

/**
 * DBCP2's factory, plus what it leaves out on return: a transaction left open on a read-only connection
 * is rolled back too, and isolation, schema, catalog and network timeout go back to the connection's
 * first values (DBCP2 would read the isolation on every borrow, a round trip, and never resets the
 * network timeout).
 *
 * <p>And a cheaper check on borrow: DBCP2's {@code testOnBorrow} costs a round trip ({@code isValid}) on
 * every borrow, which halves the throughput of short queries. A connection given back less than
 * {@value #BYPASS_MILLIS} ms ago, after the last time any connection of the pool broke, is lent unchecked,
 * as HikariCP and the simple pool do: a network cut or a restart that broke one connection usually broke
 * its idle neighbours too, so after a break every connection given back before it is checked again.
 *
 * <p>And the maximum lifetime checked without reading the clock: DBCP2 reads it three more times per
 * borrow and return for that ({@code maxConn}), and a clock read costs as much as the rest of a borrow
 * here (about 20 ns on this kind of VM). DBCP2 read the clock for the borrow a moment before
 * {@link #validateObject}, which is "now" enough; a connection past its lifetime is not lent, but closed.
 */
final class ResettingConnectionFactory extends PoolableConnectionFactory {

    /** A connection given back this recently (and after the last break) is lent without a round trip. */
    static final long BYPASS_MILLIS = 500;

    /** When a connection last broke, in DBCP2's clock (epoch milliseconds, as its return times). */
    private volatile long lastBreakMillis;
    private final long lifetimeMillis;

    /** @param maxLifetime how long a connection may be lent after it was made; zero for ever */
    ResettingConnectionFactory(ConnectionFactory connections, Duration maxLifetime) {
        super(connections, null);
        this.lifetimeMillis = maxLifetime.toMillis();
        setMaxConn(Duration.ofMillis(-1)); // checked here instead
    }

    /**
     * A connection broke (a failed check, a connection error, or DBCP2 found it closed): from now on,
     * connections given back before this moment are checked before they are lent. Also what
     * {@code check()} calls to have every idle connection checked.
     */
    void broke() {
        lastBreakMillis = System.currentTimeMillis();
    }

    /** Called on every borrow (testOnBorrow), after DBCP2 marked the connection borrowed. */
    @Override
    public boolean validateObject(PooledObject<PoolableConnection> p) {
        long now = p.getLastBorrowInstant().toEpochMilli(); // DBCP2 set it from the clock just now
        if (lifetimeMillis > 0 && now - p.getCreateInstant().toEpochMilli() >= lifetimeMillis) {
            return false; // DBCP2 closes it and tries the next one
        }
        long returned = p.getLastReturnInstant().toEpochMilli();
        if (returned > lastBreakMillis && now - returned < BYPASS_MILLIS && !physical(p).isBroken()) {
            return true;
        }
        return super.validateObject(p);
    }

    @Override
    public void destroyObject(PooledObject<PoolableConnection> p, DestroyMode mode) throws SQLException {
        try {
            super.destroyObject(p, mode);
        } finally {
            // DBCP2 skips close() on a connection the driver already closed; ours must hear of it all the
            // same (its borrow counts move to the pool's), and a second close() does nothing.
            physical(p).close();
        }
    }

    @Override
    public void activateObject(PooledObject<PoolableConnection> p) throws SQLException {
        super.activateObject(p);
        physical(p).borrowed();
    }

    private static PhysicalConnection physical(PooledObject<PoolableConnection> p) {
        return physical(p.getObject());
    }

    /** The connection {@code PhysicalConnections} made, under DBCP2's pooled one. */
    static PhysicalConnection physical(PoolableConnection c) {
        return (PhysicalConnection) c.getInnermostDelegateInternal();
    }

    @Override
    public void passivateObject(PooledObject<PoolableConnection> p) throws SQLException {
        PhysicalConnection physical = physical(p);
        physical.returned();
        if (!physical.getAutoCommit()) {
            physical.rollback();
        }
        super.passivateObject(p);
        if (physical.restoreSessionState()) {
            p.getObject().clearCachedState(); // DBCP2 caches schema and catalog: they just changed under it
        }
    }
}
