package dev.leverans.rules;

import java.util.List;

/**
 * The result of evaluating a rule table for a request: the options in display order with exactly
 * one preselected, the fallback reason when the default option stands alone (else null), the
 * trace, and the failure when reading or evaluating threw (else null; the caller logs it).
 */
public record Quote(QuoteRequest request, List<OfferedOption> options, Fallback fallback, List<TraceEntry> trace,
                    RuntimeException failure) {
    public Quote {
        options = List.copyOf(options);
        trace = List.copyOf(trace);
    }

    Quote failedWith(RuntimeException e) {
        return new Quote(request, options, fallback, trace, e);
    }
}
