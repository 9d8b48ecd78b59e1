package com.anthropic.tool.store;

import com.anthropic.tool.client.model.MessageParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation as the log holds it: its exchanges in order.
 *
 * @param id its id
 * @param created when it began
 * @param model the model of its latest exchange (or the one it was started with)
 * @param system the system prompt of its latest exchange, or null
 * @param exchanges its exchanges, oldest first
 */
public record StoredConversation(
    String id, Instant created, String model, String system, List<Turn> exchanges) {
  public StoredConversation {
    exchanges = List.copyOf(exchanges);
  }

  /**
   * One exchange of it.
   *
   * @param responseId the {@code responses} row
   * @param prompt what the user gave
   * @param response the answer's text
   * @param turns the turns it added
   */
  public record Turn(String responseId, String prompt, String response, List<MessageParam> turns) {
    public Turn {
      turns = List.copyOf(turns);
    }
  }

  /** Every turn of every exchange, in order: what continuing it sends first. */
  public List<MessageParam> messages() {
    List<MessageParam> out = new ArrayList<>();
    for (Turn t : exchanges) {
      out.addAll(t.turns());
    }
    return out;
  }
}
