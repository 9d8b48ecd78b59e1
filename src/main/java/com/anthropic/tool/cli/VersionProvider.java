package com.anthropic.tool.cli;

import com.anthropic.tool.client.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code anthropic X.Y.Z}. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"anthropic " + Version.get()};
  }
}
