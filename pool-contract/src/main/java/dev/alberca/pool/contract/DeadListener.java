package dev.alberca.pool.contract;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A port where no PostgreSQL answers: {@link #silent()} accepts connections and never says a word;
 * {@link #notAccepting()} never accepts, and its full backlog makes connects hang.
 *
 * <pre>{@code
 * try (DeadListener dead = DeadListener.silent()) {
 *     f.open(f.config().url(dead.url()));   // the first borrow fails within the login timeout
 * }
 * }</pre>
 */
public final class DeadListener implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private DeadListener(boolean accept) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        if (accept) {
            Thread t = new Thread(() -> {
                while (!closed) {
                    try {
                        held.add(server.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-listener-" + server.getLocalPort());
            t.setDaemon(true);
            t.start();
        } else {
            for (int i = 0; i < 16; i++) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 200);
                    held.add(s);
                } catch (IOException full) {
                    s.close();
                    break;
                }
            }
        }
    }

    /** Accepts every connection and never answers. */
    public static DeadListener silent() throws IOException {
        return new DeadListener(true);
    }

    /** Never accepts; new connects hang in the handshake. */
    public static DeadListener notAccepting() throws IOException {
        return new DeadListener(false);
    }

    /** A JDBC URL pointing here. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + server.getLocalPort() + "/postgres";
    }

    @Override
    public void close() throws IOException {
        closed = true;
        for (Socket s : held) {
            s.close();
        }
        server.close();
    }
}
