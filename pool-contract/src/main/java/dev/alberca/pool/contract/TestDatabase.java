package dev.alberca.pool.contract;

import dev.alberca.pool.api.PoolConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The PostgreSQL server tests run against: an embedded one started on first use (and stopped when the JVM
 * exits), or an external one named by environment variables.
 *
 * <ul>
 * <li>{@code ALBERCA_TEST_URL}: a JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/postgres}; when
 * set, no embedded server starts. The user must be a superuser (tests end other sessions and create a
 * role); the server must ask TCP clients for a password.</li>
 * <li>{@code ALBERCA_TEST_USER}, {@code ALBERCA_TEST_PASSWORD}: its credentials (default
 * {@code postgres}, no password).</li>
 * </ul>
 *
 * <pre>{@code
 * TestDatabase db = TestDatabase.get();
 * PoolConfig config = db.config("my-test").maxSize(5).build();
 * assertThat(db.sessions("my-test")).isZero();
 * }</pre>
 */
public final class TestDatabase {

    /** The environment variable that points the tests at an external server. */
    public static final String URL_VARIABLE = "ALBERCA_TEST_URL";

    private static final AtomicInteger NAMES = new AtomicInteger();
    // Locks, not synchronized: starting and stopping a server blocks, and callers may be virtual threads.
    private static final ReentrantLock INSTANCE_LOCK = new ReentrantLock();
    private static TestDatabase instance;
    private final ReentrantLock lock = new ReentrantLock();

    private final String url;
    private final String user;
    private final String password;
    private final Path dataDirectory;
    private final int port;
    private volatile EmbeddedPostgres embedded;
    // Locked from the first start until the JVM exits, so that another JVM's sweep leaves the directory alone
    // even while a test has the server stopped (zonky's epg-lock is free then) and restarts it on this data.
    private volatile FileChannel owner;

    /** The file in the data directory whose lock says a live JVM still owns it. */
    private static final String OWNER_FILE = "alberca-owner.lock";
    /**
     * How long a directory without an owner lock is spared after its last change: it may belong to a JVM that
     * is running initdb in it right now (before any lock exists), or to one of an older build (no owner lock)
     * that has its server stopped for a restart.
     */
    private static final Duration UNOWNED_GRACE = Duration.ofMinutes(5);

    private TestDatabase(String url, String user, String password, Path dataDirectory, int port) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** The shared server of this JVM, started on first call. */
    public static TestDatabase get() {
        INSTANCE_LOCK.lock();
        try {
            if (instance == null) {
                instance = create();
            }
            return instance;
        } finally {
            INSTANCE_LOCK.unlock();
        }
    }

    private static TestDatabase create() {
        String external = System.getenv(URL_VARIABLE);
        if (external != null && !external.isBlank()) {
            String u = System.getenv().getOrDefault("ALBERCA_TEST_USER", "postgres");
            return new TestDatabase(external.strip(), u, System.getenv("ALBERCA_TEST_PASSWORD"), null, -1);
        }
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            sweepLeftovers(tmp);
            Path dir = Files.createTempDirectory(tmp, "alberca-pg-");
            Files.delete(dir); // initdb wants to create it
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            TestDatabase db = new TestDatabase("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres",
                    null, dir, port);
            // Before the start, so a start that fails half-way leaves no data directory behind either.
            Runtime.getRuntime().addShutdownHook(new Thread(db::stopQuietly, "alberca-test-db-stop"));
            db.start();
            db.owner = FileChannel.open(dir.resolve(OWNER_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            // tryLock, not lock: no wait here. Nothing else can hold it (another JVM's sweep leaves a directory
            // alone while the server's epg-lock is held); without it the directory is merely unprotected
            // while a test has the server stopped.
            db.owner.tryLock();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** Whether this is the embedded server (which tests may stop, restart and reconfigure). */
    public boolean isEmbedded() {
        return dataDirectory != null;
    }

    /** The server's JDBC URL. */
    public String url() {
        return url;
    }

    /** The superuser's name. */
    public String user() {
        return user;
    }

    /** The superuser's password, or null. */
    public String password() {
        return password;
    }

    /** The port of the embedded server ({@code -1} for an external one). */
    public int port() {
        return port;
    }

    /** A fresh application name for one test, so its sessions can be counted and ended exactly. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    /**
     * A config for this server with the given pool name (also the sessions' {@code application_name}) and
     * the contract's driver timeouts: connect 2 s, login 3 s, socket 5 s, cancel 2 s.
     */
    public PoolConfig.Builder config(String poolName) {
        PoolConfig.Builder b = PoolConfig.builder().url(url).user(user).password(password).poolName(poolName)
                .driverProperty("connectTimeout", "2").driverProperty("loginTimeout", "3")
                .driverProperty("socketTimeout", "5").driverProperty("cancelSignalTimeout", "2")
                .driverProperty("tcpKeepAlive", "true");
        return b;
    }

    /** A plain connection, outside any pool, for setting up and inspecting. */
    public Connection admin() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("ApplicationName", "alberca-test-admin");
        p.setProperty("connectTimeout", "5");
        p.setProperty("loginTimeout", "10");
        p.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(url, p);
    }

    /** How many server sessions have this application name now. */
    public int sessions(String applicationName) throws SQLException {
        try (Connection c = admin();
             PreparedStatement s = c.prepareStatement(
                     "select count(*) from pg_stat_activity where application_name = ?")) {
            s.setString(1, applicationName);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** Waits up to {@code limit} for the sessions of this application name to number {@code expected}. */
    public int awaitSessions(String applicationName, int expected, Duration limit) throws SQLException,
            InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        int n = sessions(applicationName);
        while (n != expected && System.nanoTime() < end) {
            Thread.sleep(50);
            n = sessions(applicationName);
        }
        return n;
    }

    /** Ends every server session with this application name ({@code pg_terminate_backend}); returns how many. */
    public int terminate(String applicationName) throws SQLException {
        try (Connection c = admin();
             PreparedStatement s = c.prepareStatement(
                     "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?")) {
            s.setString(1, applicationName);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    /** The name of a role that must log in with {@link #PASSWORD_ROLE_SECRET}; see {@link #passwordRole()}. */
    public static final String PASSWORD_ROLE = "alberca_pw";
    /** The password of {@link #PASSWORD_ROLE}. */
    public static final String PASSWORD_ROLE_SECRET = "Right-Secret-42";
    private boolean passwordRoleReady;

    /**
     * Makes sure role {@link #PASSWORD_ROLE} exists and that the server asks it for its password over TCP
     * (the embedded server trusts everyone otherwise), and returns its name.
     */
    public String passwordRole() throws SQLException, IOException {
        lock.lock();
        try {
            if (passwordRoleReady) {
                return PASSWORD_ROLE;
            }
            try (Connection c = admin(); java.sql.Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("select 1 from pg_roles where rolname = '" + PASSWORD_ROLE + "'")) {
                    if (!r.next()) {
                        s.execute("set password_encryption = 'scram-sha-256'");
                        s.execute("create role " + PASSWORD_ROLE + " login password '" + PASSWORD_ROLE_SECRET + "'");
                    }
                }
                if (isEmbedded()) {
                    Path hba = dataDirectory.resolve("pg_hba.conf");
                    String rules = Files.readString(hba);
                    String line = "host all " + PASSWORD_ROLE + " 127.0.0.1/32 scram-sha-256\n";
                    if (!rules.startsWith(line)) {
                        Files.writeString(hba, line + rules);
                    }
                    s.execute("select pg_reload_conf()");
                }
            }
            passwordRoleReady = true;
            return PASSWORD_ROLE;
        } finally {
            lock.unlock();
        }
    }

    /** The process id of the embedded server's postmaster. */
    public long postmasterPid() throws IOException {
        requireEmbedded("signalled");
        return postmasterPid(dataDirectory);
    }

    /** The pid on the first line of the {@code postmaster.pid} in {@code dataDirectory}. */
    private static long postmasterPid(Path dataDirectory) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    }

    /**
     * Stops every process of the embedded server with SIGSTOP (the postmaster only, when
     * {@code postmasterOnly}): a hung server. Returns the pids to give {@link #resume}; always resume in
     * {@code finally}.
     */
    public java.util.List<Long> suspend(boolean postmasterOnly) throws IOException, InterruptedException {
        long pm = postmasterPid();
        java.util.List<Long> pids = new java.util.ArrayList<>();
        pids.add(pm);
        if (!postmasterOnly) {
            ProcessHandle.of(pm).ifPresent(h -> h.children().forEach(c -> pids.add(c.pid())));
        }
        signal("-STOP", pids);
        return pids;
    }

    /** Sends SIGCONT to the processes {@link #suspend} stopped. */
    public void resume(java.util.List<Long> pids) throws IOException, InterruptedException {
        signal("-CONT", pids);
    }

    /** Kills one backend with SIGKILL: the server runs crash recovery and ends every session. */
    public void killBackend(int pid) throws IOException, InterruptedException {
        requireEmbedded("crashed");
        signal("-KILL", java.util.List.of((long) pid));
    }

    private static void signal(String signal, java.util.List<Long> pids) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("kill", signal));
        pids.forEach(p -> command.add(String.valueOf(p)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("'" + String.join(" ", command) + "' failed: "
                    + new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private void requireEmbedded(String what) {
        if (!isEmbedded()) {
            throw new IllegalStateException("the external server at " + url + " cannot be " + what + " by the tests");
        }
    }

    /** Starts the embedded server (again) on its port and data directory. */
    public void start() throws IOException {
        lock.lock();
        try {
            if (!isEmbedded()) {
                throw new IllegalStateException("the external server at " + url + " is not started by the tests");
            }
            embedded = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    // stop() must keep the data for the next start(): zonky would delete it on close(). We
                    // delete it ourselves when the JVM exits.
                    .setCleanDataDirectory(false)
                    // Our hook alone stops the server: zonky's hook ran at the same time as ours, so ours found
                    // the server already closing (close() returned at once), deleted the directory while
                    // PostgreSQL was still shutting down, and PostgreSQL re-created pg_stat and pg_wal in it.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .start();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the embedded server; {@link #start()} brings it back on the same port with the same data. */
    public void stop() throws IOException {
        lock.lock();
        try {
            if (!isEmbedded()) {
                throw new IllegalStateException("the external server at " + url + " is not stopped by the tests");
            }
            if (embedded != null) {
                embedded.close();
                embedded = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private void stopQuietly() {
        try {
            Optional<ProcessHandle> postmaster = Optional.empty();
            if (Files.exists(dataDirectory.resolve("postmaster.pid"))) {
                postmaster = ProcessHandle.of(postmasterPid());
            }
            stop();
            // pg_ctl gives up after 5 s; a server still writing its shutdown checkpoint would re-create
            // directories in a tree deleted under it.
            postmaster.ifPresent(p -> p.onExit().completeOnTimeout(p, 30, TimeUnit.SECONDS).join());
            deleteTree(dataDirectory);
            if (owner != null) {
                owner.close();
            }
        } catch (IOException | RuntimeException e) {
            // The JVM is exiting; a leftover temporary directory is all that can go wrong, and the next
            // JVM's sweepLeftovers removes it.
        }
    }

    /**
     * Deletes the {@code alberca-pg-*} data directories that runs killed before their shutdown hook (or runs of
     * older builds) left in {@code tmp}. Best effort and quiet: a directory that cannot be judged or deleted
     * stays. Several JVMs (surefire forks, benchmark hosts) may run at once, so a directory is deleted only when
     * nothing alive uses it: its owner lock and zonky's {@code epg-lock} can both be locked (their holders are
     * gone), and the postmaster its {@code postmaster.pid} names is not running.
     */
    private static void sweepLeftovers(Path tmp) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, "alberca-pg-*")) {
            for (Path dir : dirs) {
                try {
                    sweep(dir);
                } catch (IOException | RuntimeException e) {
                    // In use (an OverlappingFileLockException, say), vanished, or not ours: leave it.
                }
            }
        } catch (IOException | RuntimeException e) {
            // No sweep this time.
        }
    }

    private static void sweep(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path ownerFile = dir.resolve(OWNER_FILE);
        Path serverLock = dir.resolve("epg-lock");
        Path pidFile = dir.resolve("postmaster.pid");
        boolean owned = Files.exists(ownerFile);
        if (!owned && Files.getLastModifiedTime(dir).toMillis()
                > System.currentTimeMillis() - UNOWNED_GRACE.toMillis()) {
            return;
        }
        if (!Files.exists(serverLock) && Files.exists(pidFile)) {
            return; // a server zonky did not start: not ours to judge
        }
        // Held (not just tried) while deleting, so no one can take the directory over meanwhile.
        try (FileChannel o = owned ? FileChannel.open(ownerFile, StandardOpenOption.WRITE) : null;
             FileChannel s = Files.exists(serverLock) ? FileChannel.open(serverLock, StandardOpenOption.WRITE) : null) {
            if ((o != null && o.tryLock() == null) || (s != null && s.tryLock() == null)) {
                return; // a live JVM holds it
            }
            if (Files.exists(pidFile)) {
                // An unreadable pid file throws, and the directory stays.
                long pid = postmasterPid(dir);
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    return; // a server outlived its JVM (killed with SIGKILL), or the pid is in use again
                }
            }
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
