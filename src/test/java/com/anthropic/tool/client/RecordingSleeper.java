package com.anthropic.tool.client;

import com.anthropic.tool.client.http.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sleeper that records the waits instead of sleeping. */
public final class RecordingSleeper implements Sleeper {
  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
  }

  public List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  public List<Long> millis() {
    return sleeps().stream().map(Duration::toMillis).toList();
  }
}
