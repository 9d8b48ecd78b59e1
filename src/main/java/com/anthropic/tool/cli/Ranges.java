package com.anthropic.tool.cli;

import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one place where numeric options get their range: a picocli converter per option, so a number
 * outside it is exit 2 while the command line is parsed, before anything is read or sent, with a
 * line naming the range ({@code invalid value for option '--tool-timeout': must be a number from
 * 0.001 to 86400 (seconds), got '1e10'}).
 */
final class Ranges {
  /** The longest a tool may run, and the longest --timeout: one day. */
  static final double MAX_SECONDS = 86_400;

  /** The smallest time a timeout can be: one millisecond (less rounds to nothing). */
  static final double MIN_SECONDS = 0.001;

  /** The most bytes of one tool result: the MCP message limit. */
  static final long MAX_OUTPUT_BYTES = 64L << 20;

  private Ranges() {}

  /** A whole number from {@code min} to {@code max}. */
  abstract static class Whole<T> implements ITypeConverter<T> {
    private final long min;
    private final long max;
    private final String unit;

    Whole(long min, long max, String unit) {
      this.min = min;
      this.max = max;
      this.unit = unit;
    }

    long parse(String value) {
      String v = value.strip();
      try {
        long n = Long.parseLong(v);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // said below
      }
      throw new TypeConversionException(
          "must be a whole number from " + min + " to " + max + unit + ", got '" + value + "'");
    }
  }

  /** A decimal number from {@code min} to {@code max}; NaN and infinities are outside. */
  abstract static class Decimal<T> implements ITypeConverter<T> {
    private final double min;
    private final double max;
    private final String unit;

    Decimal(double min, double max, String unit) {
      this.min = min;
      this.max = max;
      this.unit = unit;
    }

    double parse(String value) {
      try {
        double d = Double.parseDouble(value.strip());
        if (d >= min && d <= max) {
          return d;
        }
      } catch (NumberFormatException e) {
        // said below
      }
      throw new TypeConversionException(
          "must be a number from "
              + plain(min)
              + " to "
              + plain(max)
              + unit
              + ", got '"
              + value
              + "'");
    }
  }

  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** An int option. */
  abstract static class Int extends Whole<Integer> {
    Int(long min, long max, String unit) {
      super(min, max, unit);
    }

    @Override
    public Integer convert(String value) {
      return (int) parse(value);
    }
  }

  /** A double option. */
  abstract static class Real extends Decimal<Double> {
    Real(double min, double max, String unit) {
      super(min, max, unit);
    }

    @Override
    public Double convert(String value) {
      return parse(value);
    }
  }

  /** {@code --tool-timeout}. */
  static final class ToolTimeout extends Real {
    ToolTimeout() {
      super(MIN_SECONDS, MAX_SECONDS, " (seconds)");
    }
  }

  /** {@code --timeout}: checked here, kept as given (the client parses it like the env value). */
  static final class Timeout extends Decimal<String> {
    Timeout() {
      super(MIN_SECONDS, MAX_SECONDS, " (seconds)");
    }

    @Override
    public String convert(String value) {
      parse(value);
      return value;
    }
  }

  /** {@code --poll-interval}. */
  static final class PollInterval extends Real {
    PollInterval() {
      super(0, 3600, " (seconds)");
    }
  }

  /** {@code --temperature} and {@code --top-p}. */
  static final class UnitInterval extends Real {
    UnitInterval() {
      super(0, 1, "");
    }
  }

  /** {@code --max-tokens}. */
  static final class MaxTokens extends Int {
    MaxTokens() {
      super(1, 1_000_000, "");
    }
  }

  /** {@code --top-k}. */
  static final class TopK extends Int {
    TopK() {
      super(0, 1_000_000, "");
    }
  }

  /** {@code --max-iterations}. */
  static final class Iterations extends Int {
    Iterations() {
      super(1, 10_000, "");
    }
  }

  /** {@code --parallel}. */
  static final class Parallel extends Int {
    Parallel() {
      super(1, 64, "");
    }
  }

  /** {@code --max-retries}. */
  static final class Retries extends Int {
    Retries() {
      super(0, 100, "");
    }
  }

  /** {@code --limit} (the API's page size). */
  static final class PageSize extends Int {
    PageSize() {
      super(1, 1000, "");
    }
  }

  /** {@code --max-requests} (hidden). */
  static final class BatchSize extends Int {
    BatchSize() {
      super(1, com.anthropic.tool.client.Batches.MAX_REQUESTS, "");
    }
  }

  /** {@code mock-server --pace}. */
  static final class PaceMillis extends Int {
    PaceMillis() {
      super(0, 10_000, "");
    }
  }

  /** {@code --port}. */
  static final class Port extends Int {
    Port() {
      super(0, 65_535, "");
    }
  }

  /** {@code --tool-output-limit}. */
  static final class OutputBytes extends Whole<Long> {
    OutputBytes() {
      super(0, MAX_OUTPUT_BYTES, " (bytes)");
    }

    @Override
    public Long convert(String value) {
      return parse(value);
    }
  }
}
