package io.sextant.solver.journal;

/**
 * A config entry read back: the engine version and configuration that decisions with {@link #hash}
 * ran with.
 *
 * @param index journal index
 * @param hash the hash decisions refer to
 * @param engineVersion engine version string
 * @param configJson the {@code EngineConfig} as JSON
 */
public record ConfigEntry(long index, long hash, String engineVersion, byte[] configJson) {}
