package dev.leverans.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Map;

/** {@code %requestContext}: " request=<id> merchant=<id> client=<address>" for the parts a log line has, nothing otherwise. */
public final class RequestContextConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc.isEmpty()) return "";
        String request = mdc.get("request_id");
        String merchant = mdc.get("merchant");
        StringBuilder out = new StringBuilder(64);
        if (request != null) out.append(" request=").append(request);
        if (merchant != null) out.append(" merchant=").append(merchant);
        String client = mdc.get("client");
        if (client != null) out.append(" client=").append(client);
        return out.toString();
    }
}
