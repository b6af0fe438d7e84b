package dev.leverans.rules;

import java.util.List;

/**
 * The result of evaluating a rule table: the options in display order with exactly one
 * preselected, the fallback reason when the default option stands alone (else null), and the trace.
 */
public record Quote(List<OfferedOption> options, Fallback fallback, List<TraceEntry> trace) {
    public Quote {
        options = List.copyOf(options);
        trace = List.copyOf(trace);
    }
}
