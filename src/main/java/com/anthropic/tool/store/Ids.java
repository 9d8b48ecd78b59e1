package com.anthropic.tool.store;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Ids that sort in time order, as text: 26 characters of Crockford base32 (the ULID layout), the
 * first 10 the milliseconds since 1970, the other 16 random. Within one process, ids of the same
 * millisecond still sort in the order they were made (the random part counts up).
 */
public final class Ids {
  private static final char[] DIGITS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static long lastMillis = -1;
  private static long lastHigh;
  private static long lastLow;

  private Ids() {}

  /** A new id for {@code now}. */
  public static synchronized String next(Instant now) {
    long millis = now.toEpochMilli();
    if (millis <= lastMillis) {
      millis = lastMillis;
      lastLow = (lastLow + 1) & 0xFFFFFFFFFFL;
      if (lastLow == 0) {
        lastHigh = (lastHigh + 1) & 0xFFFFFFFFFFL;
      }
    } else {
      lastMillis = millis;
      lastHigh = RANDOM.nextLong() & 0x7FFFFFFFFFL; // room to count up
      lastLow = RANDOM.nextLong() & 0xFFFFFFFFFFL;
    }
    char[] out = new char[26];
    encode(millis, out, 0, 10);
    encode(lastHigh, out, 10, 8);
    encode(lastLow, out, 18, 8);
    return new String(out);
  }

  private static void encode(long value, char[] out, int at, int digits) {
    for (int i = at + digits - 1; i >= at; i--) {
      out[i] = DIGITS[(int) (value & 31)];
      value >>>= 5;
    }
  }

  /** Whether {@code id} has the shape of a conversation or exchange id we would accept. */
  public static boolean plausible(String id) {
    return id != null && id.matches("[A-Za-z0-9._-]{1,64}") && !id.startsWith(".");
  }
}
