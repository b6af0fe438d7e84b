package dev.leverans.merchants;

import dev.leverans.config.ConfigProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Durable configuration versions per merchant, and who activated which when. */
public interface ConfigVersionStore {
    Optional<ConfigVersion> active(String merchantId);

    Optional<ConfigVersion> find(String merchantId, int number);

    /**
     * The merchant's first version, stored active, unless it has an active version already (another
     * instance seeded it first): returns the one active afterwards, and whether this call stored it.
     */
    Seeded seed(String merchantId, String author, String comment, String content, List<ConfigProblem> problems, Instant at);

    record Seeded(ConfigVersion active, boolean stored) {}

    /** The number of every merchant's active version. */
    Map<String, Integer> activeNumbers();

    /**
     * Until closed, calls {@code merchantId} with each merchant whose active version another
     * instance changed, and {@code missed} when such news may have been lost.
     */
    AutoCloseable onActivation(Consumer<String> merchantId, Runnable missed);

    /** Every version of the merchant, newest first. */
    List<ConfigVersion> list(String merchantId);

    /** Stores a new draft with the next number. */
    ConfigVersion addDraft(String merchantId, String author, String comment, String content, List<ConfigProblem> problems, Instant at);

    /**
     * Makes the version active and the one active before it archived, in one transaction, and
     * records the activation; false when no such version exists.
     */
    boolean activate(String merchantId, int number, String author, Instant at);

    /** A recorded activation: which version, which was active before (null: none), who, when. */
    record Activation(int number, Integer previous, String author, Instant at) {}

    /** The merchant's activations, newest first. */
    List<Activation> activations(String merchantId);

    /** Stores (or replaces) a test cart of the merchant. */
    void saveTestCart(String merchantId, TestCart cart, Instant at);

    /** The merchant's test carts by name. */
    List<TestCart> testCarts(String merchantId);

    /** False when there was no such test cart. */
    boolean deleteTestCart(String merchantId, String name);
}
