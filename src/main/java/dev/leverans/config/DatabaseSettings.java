package dev.leverans.config;

import java.util.regex.Pattern;

/** Where a PostgreSQL database is and how many connections an instance keeps to it. The password is never logged. */
public record DatabaseSettings(String url, String user, String password, int poolSize) {
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&]*");

    /** The URL for logs and errors: a password given in it as a parameter is masked. */
    public String safeUrl() {
        return PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + safeUrl() + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
