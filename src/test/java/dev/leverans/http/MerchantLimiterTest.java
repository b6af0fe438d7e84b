package dev.leverans.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leverans.merchants.Merchant;
import dev.leverans.rules.RequestLimits;
import dev.leverans.rules.RuleTable;
import dev.leverans.support.DemoConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MerchantLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong();
    private final Merchant demo = DemoConfig.merchants().byIdentifier("demo").orElseThrow();
    private final Merchant outlet = DemoConfig.merchants().byIdentifier("demo-outlet").orElseThrow();

    @Test
    void aBucketPassesOneSecondsWorthThenRefillsAtItsRate() {
        TokenBucket bucket = new TokenBucket(3, 0);
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        assertEquals(0, bucket.take(0));
        assertEquals(1, bucket.take(0), "the fourth within the same instant waits");
        assertEquals(1, bucket.take(SECOND / 6), "half a token is not a request");
        assertEquals(0, bucket.take(SECOND / 3 + 1), "one token after a third of a second");
        assertEquals(0, bucket.take(10 * SECOND));
        assertEquals(0, bucket.take(10 * SECOND));
        assertEquals(0, bucket.take(10 * SECOND));
        assertEquals(1, bucket.take(10 * SECOND), "idle time never saves more than the burst");
    }

    @Test
    void requestsPerSecondArePerMerchant() {
        MerchantLimiter limiter = new MerchantLimiter(new RequestLimits(2, 0), now::get);
        limiter.acquire(demo);
        limiter.acquire(demo);
        TooManyRequests over = assertThrows(TooManyRequests.class, () -> limiter.acquire(demo));
        assertEquals(1, over.retryAfterSeconds());
        assertEquals("merchant demo is over its limit of 2 requests per second on this instance", over.getMessage());
        assertDoesNotThrow(() -> limiter.acquire(outlet), "another merchant has its own budget");
        now.addAndGet(SECOND);
        assertDoesNotThrow(() -> limiter.acquire(demo));
    }

    @Test
    void concurrentRequestsAreCountedUntilReleased() {
        MerchantLimiter limiter = new MerchantLimiter(new RequestLimits(0, 2), now::get);
        Runnable first = limiter.acquire(demo);
        limiter.acquire(demo);
        TooManyRequests over = assertThrows(TooManyRequests.class, () -> limiter.acquire(demo));
        assertTrue(over.getMessage().contains("limit of 2 requests at once"), over.getMessage());
        first.run();
        assertDoesNotThrow(() -> limiter.acquire(demo));
    }

    @Test
    void theRuleTablesLimitsWinOverTheDefaultAndAChangeTakesEffect(@TempDir Path dir) throws IOException {
        Path merchants = DemoConfig.merchantsWith(dir, "demo.yaml", yaml -> yaml + "\nlimits: {requests_per_second: 3}\n");
        RuleTable withLimits = DemoConfig.loader().loadDirectory(merchants).byIdentifier("demo").orElseThrow().rules();
        assertEquals(new RequestLimits(3, null), withLimits.limits());
        MerchantLimiter limiter = new MerchantLimiter(new RequestLimits(1, 0), now::get);
        Merchant generous = demo.withRules(withLimits, 2);
        limiter.acquire(demo);
        assertThrows(TooManyRequests.class, () -> limiter.acquire(demo));
        for (int i = 0; i < 3; i++) limiter.acquire(generous);
        assertThrows(TooManyRequests.class, () -> limiter.acquire(generous));
    }
}
