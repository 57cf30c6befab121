package io.sextant.solver.cli;

import picocli.CommandLine.IVersionProvider;

/** The engine version, from the jar manifest when packaged. */
public final class SextantVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    final String v = SextantVersion.class.getPackage().getImplementationVersion();
    return new String[] {"sextant " + (v == null ? "dev" : v)};
  }
}
