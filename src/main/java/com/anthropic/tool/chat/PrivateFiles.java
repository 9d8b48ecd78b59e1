package com.anthropic.tool.chat;

import java.io.IOException;
import java.nio.file.Path;

/** Files that can hold prompts or answers: {@link com.anthropic.tool.config.PrivateFiles}. */
final class PrivateFiles {
  private PrivateFiles() {}

  /** {@link com.anthropic.tool.config.PrivateFiles#writeAtomically}. */
  static void writeAtomically(Path file, String text) throws IOException {
    com.anthropic.tool.config.PrivateFiles.writeAtomically(file, text);
  }
}
