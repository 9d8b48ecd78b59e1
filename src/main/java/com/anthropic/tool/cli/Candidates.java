package com.anthropic.tool.cli;

import java.util.Iterator;
import java.util.List;

/**
 * The fixed values of options and parameters, as picocli {@code completionCandidates}: the shell
 * completion scripts offer them. One class per set, since an annotation names a class.
 */
final class Candidates {
  private Candidates() {}

  /** A fixed list of values. */
  abstract static class Fixed implements Iterable<String> {
    private final List<String> values;

    Fixed(String... values) {
      this.values = List.of(values);
    }

    @Override
    public Iterator<String> iterator() {
      return values.iterator();
    }
  }

  /** {@code messages --format} and {@code count-tokens --format}. */
  static final class MessageFormats extends Fixed {
    MessageFormats() {
      super("text", "json");
    }
  }

  /** {@code stream --format}. */
  static final class StreamFormats extends Fixed {
    StreamFormats() {
      super("text", "json", "jsonl");
    }
  }

  /** {@code --format} of the resource commands (models, batches). */
  static final class ResourceFormats extends Fixed {
    ResourceFormats() {
      super("text", "json");
    }
  }

  /** {@code --service-tier}. */
  static final class ServiceTiers extends Fixed {
    ServiceTiers() {
      super("auto", "standard_only");
    }
  }

  /** {@code --cache-ttl}. */
  static final class CacheTtls extends Fixed {
    CacheTtls() {
      super("5m", "1h");
    }
  }

  /** {@code --tool-choice} (a tool name is accepted too). */
  static final class ToolChoices extends Fixed {
    ToolChoices() {
      super("auto", "any", "none");
    }
  }

  /** {@code completion SHELL}. */
  static final class Shells extends Fixed {
    Shells() {
      super("bash", "zsh", "fish");
    }
  }

  /** {@code batches results --only}. */
  static final class ResultTypes extends Fixed {
    ResultTypes() {
      super("succeeded", "errored", "canceled", "expired");
    }
  }

  /** {@code --effort}. */
  static final class Efforts extends Fixed {
    Efforts() {
      super("low", "medium", "high", "xhigh", "max");
    }
  }
}
