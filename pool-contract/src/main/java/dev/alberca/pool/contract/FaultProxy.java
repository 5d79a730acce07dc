package dev.alberca.pool.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A TCP proxy between the pool and the server that can misbehave like a network: {@link #freeze()} stops
 * every byte and, by filling its accept backlog, makes new connects hang like an unplugged cable;
 * {@link #cut(boolean)} closes every proxied connection with FIN or RST.
 *
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.to("127.0.0.1", db.port())) {
 *     ConnectionPool pool = f.open(f.config().url(proxy.url("postgres")));
 *     proxy.freeze();
 *     try { ... } finally { proxy.unfreeze(); }
 * }
 * }</pre>
 */
public final class FaultProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Socket> backlogFillers = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition open = lock.newCondition();
    private volatile boolean frozen;
    private volatile boolean closed;

    private FaultProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        // A backlog of 1: once frozen, a few filler connects fill the kernel's queue and the next connect hangs.
        this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fault-proxy-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a proxy on a free loopback port that forwards to {@code host:port}. */
    public static FaultProxy to(String host, int port) throws IOException {
        return new FaultProxy(host, port);
    }

    /** The proxy's port. */
    public int port() {
        return server.getLocalPort();
    }

    /** A JDBC URL to {@code database} through the proxy. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Stops forwarding (bytes are held, not dropped) and makes new connects hang. */
    public void freeze() {
        frozen = true;
        for (int i = 0; i < 16; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 200);
                backlogFillers.add(s);
            } catch (IOException timedOut) {
                closeQuietly(s);
                return; // the queue is full: the next connect hangs
            }
        }
    }

    /** Lets bytes and connects through again. */
    public void unfreeze() {
        for (Socket s : backlogFillers) {
            closeQuietly(s);
        }
        backlogFillers.clear();
        lock.lock();
        try {
            frozen = false;
            open.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Closes every proxied connection: with a RST when {@code reset}, else with a FIN. */
    public void cut(boolean reset) {
        for (Socket s : sockets) {
            if (reset) {
                try {
                    s.setSoLinger(true, 0);
                } catch (IOException e) {
                    // closing below is what matters
                }
            }
            closeQuietly(s);
        }
        sockets.clear();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                awaitOpen();
                Socket client = server.accept();
                if (backlogFillers.stream().anyMatch(f -> f.getLocalPort() == client.getPort())) {
                    continue; // a filler that was queued before the freeze took hold
                }
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(targetHost, targetPort), 2000);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, "up");
                pump(upstream, client, "down");
            } catch (IOException | InterruptedException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    awaitOpen();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the other side went away or the test cut it
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "fault-proxy-" + direction + "-" + port());
        t.setDaemon(true);
        t.start();
    }

    private void awaitOpen() throws InterruptedException {
        if (!frozen) {
            return;
        }
        lock.lock();
        try {
            while (frozen && !closed) {
                open.await(100, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Unfreezes, cuts everything and stops listening. */
    @Override
    public void close() {
        closed = true;
        unfreeze();
        cut(false);
        closeQuietly(server);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // nothing more to do with a socket that will not close
        }
    }
}
