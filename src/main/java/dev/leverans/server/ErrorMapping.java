package dev.leverans.server;

import dev.leverans.http.ApiException;
import dev.leverans.http.JsonResponses;
import dev.leverans.http.TooManyRequests;
import dev.leverans.ordermanagement.OmRefusal;
import dev.leverans.rules.UnpricedCurrencyException;
import dev.leverans.shipments.ChoiceRejectedException;
import dev.leverans.storage.StorageException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One error shape for every endpoint: {@code {"failure_reason": "..."}}; 401 without a body
 * (Klarna re-authenticates on it). Unexpected errors are logged and answered without internals.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    private ErrorMapping() {}

    public static void register(RoutesConfig routes, JsonResponses responses) {
        routes.exception(ApiException.class, (e, ctx) -> fail(ctx, responses, e.status(), e.getMessage()));
        routes.exception(TooManyRequests.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            fail(ctx, responses, 429, e.getMessage());
        });
        routes.exception(ChoiceRejectedException.class, (e, ctx) -> fail(ctx, responses, status(e.kind()), e.getMessage()));
        routes.exception(OmRefusal.class, (e, ctx) -> fail(ctx, responses, e.status(), e.getMessage()));
        routes.exception(UnpricedCurrencyException.class, (e, ctx) -> fail(ctx, responses, 422, e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 405) ctx.header("Allow", allowed(e));
            fail(ctx, responses, e.getStatus(), reason(e));
        });
        routes.exception(StorageException.class, (e, ctx) -> {
            LOG.error("storage failure on {} {}", ctx.method(), ctx.path(), e);
            fail(ctx, responses, 503, "the reservation could not be stored right now; please retry");
        });
        routes.exception(Exception.class, (e, ctx) -> {
            if (endedEarly(e)) {
                // A client that promised more bytes than it sent: its own fault, and not worth a log line each.
                LOG.debug("request body ended early on {} {}", ctx.method(), ctx.path(), e);
                fail(ctx, responses, 400, "request body ended before the announced Content-Length");
                return;
            }
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            fail(ctx, responses, 500, "internal error");
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null) responses.failure(ctx, 404, "no endpoint " + ctx.method() + " " + ctx.path());
        });
    }

    private static void fail(Context ctx, JsonResponses responses, int status, String reason) {
        if (status == 401) {
            ctx.status(401).result("");
        } else {
            responses.failure(ctx, status, reason);
        }
    }

    private static int status(ChoiceRejectedException.Kind kind) {
        return switch (kind) {
            case UNKNOWN_OPTION -> 404;
            case NO_LONGER_AVAILABLE -> 409;
            case INVALID_CHOICE -> 422;
        };
    }

    private static String reason(HttpResponseException e) {
        if (e.getStatus() == 413) return "request body is larger than 1 MB";
        if (e.getStatus() == 405) return "method not allowed; this path takes " + allowed(e);
        return e.getMessage();
    }

    /** Javalin lists the methods a path takes in the details of its 405 ({@code availableMethods}). */
    private static String allowed(HttpResponseException e) {
        String methods = e.getDetails().getOrDefault("availableMethods", "");
        return methods.replaceAll("[\\[\\]\\s]", "").replace(",", ", ");
    }

    private static boolean endedEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException) return true;
        }
        return false;
    }
}
