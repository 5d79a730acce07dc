package dev.alberca.demo;

import java.util.regex.Pattern;

/** Hides secrets in what the demo prints. */
final class Masks {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]password=)[^&;]*");

    private Masks() {
    }

    /** The URL with any {@code password=} parameter's value replaced by {@code ***}. */
    static String url(String url) {
        return url == null ? null : PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    }
}
