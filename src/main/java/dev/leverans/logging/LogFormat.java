package dev.leverans.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Locale;

/**
 * Lets an appender write only when it is the chosen log format: {@code LEVERANS_LOG_FORMAT} (or the
 * system property {@code leverans.log.format}) {@code json} for one JSON object per line, anything
 * else the readable text format. Both appenders stay configured, so a typo can never silence the log.
 */
public final class LogFormat extends Filter<ILoggingEvent> {
    public static final String ENV = "LEVERANS_LOG_FORMAT";
    private static final boolean JSON = isJson(configured());

    private boolean json;

    /** Which format this appender writes: {@code text} or {@code json}. */
    public void setFormat(String format) {
        this.json = isJson(format);
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return json == JSON ? FilterReply.NEUTRAL : FilterReply.DENY;
    }

    public static String configured() {
        String value = System.getProperty("leverans.log.format");
        return value != null ? value : System.getenv(ENV);
    }

    /** Null or blank (the default text) and "text" and "json" are valid values. */
    public static boolean valid(String value) {
        return value == null || value.isBlank() || isJson(value) || value.trim().equalsIgnoreCase("text");
    }

    private static boolean isJson(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("json");
    }
}
