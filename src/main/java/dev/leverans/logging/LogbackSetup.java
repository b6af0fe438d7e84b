package dev.leverans.logging;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.pattern.DynamicConverter;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The log configuration, in code (found by Logback through {@code META-INF/services}): reading an
 * XML configuration costs about 0.2 s of every cold start. Readable text, or one JSON object per
 * line with {@code LEVERANS_LOG_FORMAT=json} (both appenders are attached; the {@link LogFormat}
 * filter lets only the chosen one write, so a typo can never silence the log). The access logger
 * {@code dev.leverans.access} writes through a queue, so a slow terminal never slows a checkout (a
 * full queue drops lines).
 */
public final class LogbackSetup extends ContextAwareBase implements Configurator {
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36}%requestContext - %safeMsg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Map<String, Supplier<DynamicConverter<?>>> rules = new HashMap<>();
        rules.put("safeMsg", EscapedMessageConverter::new);
        rules.put("requestContext", RequestContextConverter::new);
        context.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, rules);

        PatternLayoutEncoder text = new PatternLayoutEncoder();
        text.setContext(context);
        text.setPattern(PATTERN);
        text.start();
        JsonEncoder json = new JsonEncoder();
        json.setContext(context);
        json.setWithSequenceNumber(false);
        json.setWithNanoseconds(false);
        json.setWithContext(false);
        json.setWithFormattedMessage(true);
        json.setWithMessage(false);
        json.setWithArguments(false);
        json.start();
        Appender<ILoggingEvent> textOut = console(context, "text", text);
        Appender<ILoggingEvent> jsonOut = console(context, "json", json);

        Logger access = context.getLogger("dev.leverans.access");
        access.setLevel(Level.INFO);
        access.setAdditive(false);
        access.addAppender(queued(context, "access-text", "text", textOut));
        access.addAppender(queued(context, "access-json", "json", jsonOut));
        for (String quiet : new String[] {"org.eclipse.jetty", "org.flywaydb", "com.zaxxer.hikari", "io.javalin"}) {
            context.getLogger(quiet).setLevel(Level.WARN);
        }
        // Javalin logs "Failed to start" before rethrowing; Main reports the cause in one line.
        context.getLogger("io.javalin.Javalin").setLevel(Level.OFF);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(textOut);
        root.addAppender(jsonOut);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static Appender<ILoggingEvent> console(LoggerContext context, String format, Encoder<ILoggingEvent> encoder) {
        ConsoleAppender<ILoggingEvent> out = new ConsoleAppender<>();
        out.setContext(context);
        out.setName(format);
        out.setEncoder(encoder);
        out.addFilter(filter(context, format));
        out.start();
        return out;
    }

    /** The format filter sits on the queue too, so each line is queued (and its writer woken) once. */
    private static Appender<ILoggingEvent> queued(LoggerContext context, String name, String format, Appender<ILoggingEvent> target) {
        AsyncAppender queue = new AsyncAppender();
        queue.setContext(context);
        queue.setName(name);
        queue.setQueueSize(8192);
        queue.setDiscardingThreshold(0);
        queue.setNeverBlock(true);
        queue.addAppender(target);
        queue.addFilter(filter(context, format));
        queue.start();
        return queue;
    }

    private static LogFormat filter(LoggerContext context, String format) {
        LogFormat filter = new LogFormat();
        filter.setContext(context);
        filter.setFormat(format);
        filter.start();
        return filter;
    }
}
