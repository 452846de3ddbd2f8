package org.fentrace.cli;

import org.fentrace.config.Versions;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: fentrace's version and the Spark it runs on. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"fentrace " + Versions.fentrace() + " (Spark " + Versions.spark() + ")"};
  }
}
