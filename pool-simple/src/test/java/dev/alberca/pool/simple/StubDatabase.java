package dev.alberca.pool.simple;

import dev.alberca.pool.api.PoolConfig;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A database in memory for the pool's mechanics: connections and statements are proxies that remember
 * their state and the calls made on them. Faults are switched on by fields.
 */
final class StubDatabase implements ConnectionFactory {

    final List<StubConnection> connections = new CopyOnWriteArrayList<>();
    final AtomicInteger attempts = new AtomicInteger();
    /** Connect fails with this, when set. */
    volatile SQLException refuse;
    /** Connect blocks until this opens, when set. */
    volatile CountDownLatch gate;

    static PoolConfig.Builder config(String name) {
        return PoolConfig.builder().url("jdbc:postgresql://stub.invalid:5432/stub").user("u").password("secret-pw")
                .poolName(name).minSize(0).maxSize(4).acquireTimeout(java.time.Duration.ofSeconds(2));
    }

    /** The stub connection under a pool's handle: the stub answers getConnection() of its statements with it. */
    static Connection physicalOf(Connection handle) throws SQLException {
        try (var s = ((PooledConnection) handle).createStatement()) {
            return ((StatementHandle<?>) s).delegate.getConnection();
        }
    }

    SimplePool open(PoolConfig config) {
        return SimplePool.open(config, this, System::nanoTime);
    }

    SimplePool open(PoolConfig config, LongSupplier clock) {
        return SimplePool.open(config, this, clock);
    }

    @Override
    public Connection connect() throws SQLException {
        attempts.incrementAndGet();
        CountDownLatch g = gate;
        if (g != null) {
            try {
                g.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", "08001", e);
            }
        }
        SQLException r = refuse;
        if (r != null) {
            throw r;
        }
        StubConnection c = new StubConnection(connections.size());
        connections.add(c);
        return c.proxy;
    }

    int openCount() {
        return (int) connections.stream().filter(c -> !c.closed).count();
    }

    /** One physical connection: its JDBC state, the calls made on it, and its faults. */
    static final class StubConnection implements InvocationHandler {
        final int id;
        final Connection proxy;
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<StubStatement> statements = new CopyOnWriteArrayList<>();
        volatile boolean closed;
        volatile boolean valid = true;
        /** Every statement execution fails with this, when set. */
        volatile SQLException failStatements;
        /** rollback fails with this, when set. */
        volatile SQLException failRollback;
        boolean autoCommit = true;
        boolean readOnly;
        int isolation = Connection.TRANSACTION_READ_COMMITTED;
        String schema = "public";
        String catalog = "stub";
        int networkTimeout;

        /** Waits a little for a close that happens in the background (broken connections). */
        boolean awaitClosed() throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!closed && System.nanoTime() < end) {
                Thread.sleep(2);
            }
            return closed;
        }

        StubConnection(int id) {
            this.id = id;
            this.proxy = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, this);
        }

        @Override
        public Object invoke(Object p, Method m, Object[] a) throws Throwable {
            String name = m.getName();
            if (!name.startsWith("get") && !name.startsWith("is") && !name.equals("toString")
                    && !name.equals("hashCode") && !name.equals("equals")) {
                calls.add(a == null || a.length == 0 ? name : name + ":" + a[a.length - 1]);
            }
            switch (name) {
                case "toString": return "StubConnection" + id;
                case "hashCode": return System.identityHashCode(p);
                case "equals": return p == a[0];
                case "close": closed = true; return null;
                case "isClosed": return closed;
                case "isValid": return valid && !closed;
                case "abort": closed = true; return null;
                default:
            }
            if (closed) {
                throw new SQLException("stub connection closed", "08003");
            }
            switch (name) {
                case "getAutoCommit": return autoCommit;
                case "setAutoCommit": autoCommit = (Boolean) a[0]; return null;
                case "isReadOnly": return readOnly;
                case "setReadOnly": readOnly = (Boolean) a[0]; return null;
                case "getTransactionIsolation": return isolation;
                case "setTransactionIsolation": isolation = (Integer) a[0]; return null;
                case "getSchema": return schema;
                case "setSchema": schema = (String) a[0]; return null;
                case "getCatalog": return catalog;
                case "setCatalog": catalog = (String) a[0]; return null;
                case "getNetworkTimeout": return networkTimeout;
                case "setNetworkTimeout": networkTimeout = (Integer) a[1]; return null;
                case "rollback":
                    if (failRollback != null) {
                        throw failRollback;
                    }
                    return null;
                case "createStatement": return statement(Statement.class);
                case "prepareStatement": return statement(PreparedStatement.class);
                case "prepareCall": return statement(CallableStatement.class);
                case "unwrap": return ((Class<?>) a[0]).isInstance(p) ? p : null;
                case "isWrapperFor": return ((Class<?>) a[0]).isInstance(p);
                default: return defaultValue(m.getReturnType());
            }
        }

        private Object statement(Class<? extends Statement> type) {
            StubStatement s = new StubStatement(this, type);
            statements.add(s);
            return s.proxy;
        }

        static Object defaultValue(Class<?> t) {
            if (t == boolean.class) {
                return false;
            }
            if (t == int.class) {
                return 0;
            }
            if (t == long.class) {
                return 0L;
            }
            return null;
        }
    }

    /** One statement of a stub connection. */
    static final class StubStatement implements InvocationHandler {
        final StubConnection connection;
        final Statement proxy;
        volatile boolean closed;

        StubStatement(StubConnection connection, Class<? extends Statement> type) {
            this.connection = connection;
            this.proxy = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, this);
        }

        @Override
        public Object invoke(Object p, Method m, Object[] a) throws Throwable {
            String name = m.getName();
            switch (name) {
                case "toString": return "StubStatement";
                case "hashCode": return System.identityHashCode(p);
                case "equals": return p == a[0];
                case "close": closed = true; return null;
                case "isClosed": return closed;
                case "getConnection": return connection.proxy;
                case "unwrap": return ((Class<?>) a[0]).isInstance(p) ? p : null;
                case "isWrapperFor": return ((Class<?>) a[0]).isInstance(p);
                default:
            }
            if (closed) {
                throw new SQLException("stub statement closed", "HY010");
            }
            if (name.startsWith("execute")) {
                SQLException f = connection.failStatements;
                if (f != null) {
                    throw f;
                }
                if (m.getReturnType() == ResultSet.class) {
                    return null;
                }
            }
            try {
                return StubConnection.defaultValue(m.getReturnType());
            } catch (RuntimeException e) {
                throw new InvocationTargetException(e);
            }
        }
    }
}
