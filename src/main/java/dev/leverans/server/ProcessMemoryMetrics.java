package dev.leverans.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code process_resident_memory_bytes}: the resident set size from /proc/self/status (Linux; NaN elsewhere). */
public final class ProcessMemoryMetrics {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemoryMetrics() {}

    public static void bindTo(MeterRegistry registry) {
        Gauge.builder("process.resident.memory", ProcessMemoryMetrics::residentBytes).baseUnit("bytes")
                .description("Resident set size of this process").register(registry);
    }

    static double residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
