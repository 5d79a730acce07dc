package dev.alberca.demo;

/** The PostgreSQL the app talks to: embedded (stopped on close) or a real server (nothing to stop). */
interface Database extends AutoCloseable {

    /** The JDBC URL. */
    String url();

    /** The user, or null to let the driver choose. */
    String user();

    /** The password, or null. Never printed. */
    String password();

    /** Stops what the app started; nothing for a real server. */
    @Override
    void close();
}
