package com.anthropic.tool.client.stream;

import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Delta;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.StreamEvent;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Watches a stream for server tool activity and hands over each block once it is whole: a {@code
 * server_tool_use} or {@code mcp_tool_use} when its block stops (its input assembled from the
 * {@code input_json_delta}s), a result block ({@code web_search_tool_result}, {@code
 * mcp_tool_result}, ...) when it starts (it arrives whole).
 *
 * <pre>{@code
 * ServerToolWatcher w = new ServerToolWatcher();
 * MessageStream stream = client.messagesStream(request);
 * for (StreamEvent e : stream) {
 *   w.accept(e).flatMap(ServerToolResults::activity).ifPresent(err::println);
 * }
 * }</pre>
 */
public final class ServerToolWatcher {
  private final Map<Integer, JsonObject> calls = new HashMap<>();
  private final Map<Integer, StringBuilder> inputs = new HashMap<>();

  /** The server tool block this event completes, if any. */
  public Optional<ContentBlock> accept(StreamEvent e) {
    if (e instanceof StreamEvent.ContentBlockStart s) {
      ContentBlock b = s.block();
      if (b instanceof ContentBlock.ServerToolUse || b instanceof ContentBlock.McpToolUse) {
        calls.put(s.index(), b.toJson());
        inputs.put(s.index(), new StringBuilder());
        return Optional.empty();
      }
      if (b instanceof ContentBlock.ServerToolResult || b instanceof ContentBlock.McpToolResult) {
        return Optional.of(b);
      }
      return Optional.empty();
    }
    if (e instanceof StreamEvent.ContentBlockDelta d
        && d.delta() instanceof Delta.InputJson j
        && inputs.containsKey(d.index())) {
      inputs.get(d.index()).append(j.partialJson());
      return Optional.empty();
    }
    if (e instanceof StreamEvent.ContentBlockStop s && calls.containsKey(s.index())) {
      JsonObject block = calls.remove(s.index());
      String input = inputs.remove(s.index()).toString();
      if (!input.isBlank()) {
        try {
          block.add("input", Json.parseObject(input));
        } catch (IllegalArgumentException notJson) {
          // an input cut short: the block is shown with what its start said
        }
      }
      return Optional.of(ContentBlock.fromJson(block));
    }
    return Optional.empty();
  }
}
