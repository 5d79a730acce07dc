package dev.alberca.demo;

/** A real server named by {@code --url}; the app neither starts nor stops it. */
record ExternalDatabase(String url, String user, String password) implements Database {

    @Override
    public void close() {
        // Not ours to stop.
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "ExternalDatabase[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + "]";
    }
}
