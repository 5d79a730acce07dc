package dev.alberca.pool.dbcp;

import dev.alberca.pool.api.spi.PhysicalConnection;
import org.apache.commons.dbcp2.ConnectionFactory;
import org.apache.commons.dbcp2.PoolableConnection;
import org.apache.commons.dbcp2.PoolableConnectionFactory;
import org.apache.commons.pool2.PooledObject;

import java.sql.SQLException;

/**
 * DBCP2's factory, plus what it leaves out on return: a transaction left open on a read-only connection
 * is rolled back too, and isolation, schema, catalog and network timeout go back to the connection's
 * first values (DBCP2 would read the isolation on every borrow, a round trip, and never resets the
 * network timeout).
 */
final class ResettingConnectionFactory extends PoolableConnectionFactory {

    ResettingConnectionFactory(ConnectionFactory connections) {
        super(connections, null);
    }

    @Override
    public void activateObject(PooledObject<PoolableConnection> p) throws SQLException {
        super.activateObject(p);
        physical(p).borrowed();
    }

    private static PhysicalConnection physical(PooledObject<PoolableConnection> p) {
        return (PhysicalConnection) p.getObject().getInnermostDelegateInternal();
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
