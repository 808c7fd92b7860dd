package org.lnconform.harness.target;

import java.util.Map;

/**
 * Starts targets by name ({@code lnd}, {@code ldk}, …); implementations are found with
 * {@link java.util.ServiceLoader}, so node fixtures live in their own modules.
 */
public interface TargetFactory {

    /** The name users pass to {@code --node}. */
    String name();

    /** Starts the node; {@code options} may carry {@code image} and implementation-specific keys. */
    Target start(Map<String, String> options) throws Exception;
}
