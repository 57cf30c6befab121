package io.sextant.solver.cli;

import io.sextant.solver.api.EngineVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code sextant --version}: the {@link EngineVersion} journaled decisions record. */
public final class SextantVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {EngineVersion.current()};
  }
}
