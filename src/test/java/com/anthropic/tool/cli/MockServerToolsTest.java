package com.anthropic.tool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Message;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.ServerTools;
import com.anthropic.tool.client.stream.MessageStream;
import com.anthropic.tool.client.stream.StreamAccumulator;
import com.anthropic.tool.mock.MockApiServer;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mock server's answers to server tools and the MCP connector: the same blocks streamed and
 * not, every one of a shape the spec's BetaMessage schema accepts, and deterministic.
 */
class MockServerToolsTest {
  private MockApiServer mock;
  private AnthropicClient client;

  @BeforeEach
  void start() {
    mock = MockApiServer.start(0);
    client = AnthropicClient.builder().apiKey("mock").baseUrl(mock.baseUrl()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    mock.close();
  }

  private MessagesRequest request() {
    return MessagesRequest.builder("claude-sonnet-4-6", List.of(MessageParam.user("oslo")), 256)
        .addTool(ServerTools.webSearch(null, List.of(), List.of(), null))
        .addTool(ServerTools.webFetch(2, List.of(), List.of()))
        .addTool(ServerTools.codeExecution())
        .addMcpServer(new ServerTools.McpServer("https://mcp.example.com/sse", "docs", "t"))
        .build();
  }

  @Test
  void should_answer_with_the_same_spec_shaped_blocks_streamed_and_not() throws IOException {
    SpecSchemas.spec();
    Message whole = client.messages(request());
    Message streamed;
    try (MessageStream s = client.messagesStream(request())) {
      streamed = StreamAccumulator.collect(s);
    }
    for (Message m : List.of(whole, streamed)) {
      // the server tool blocks in an envelope of the spec's shape (the answer's own last text
      // block and usage are the plain mock's, which another test covers)
      com.google.gson.JsonObject envelope =
          com.anthropic.tool.client.model.Json.parseObject(ServerToolOutputTest.MESSAGE);
      com.google.gson.JsonArray blocks = m.toJson().getAsJsonArray("content").deepCopy();
      blocks.remove(blocks.size() - 1);
      envelope.add("content", blocks);
      assertEquals(List.of(), SpecSchemas.errors("BetaMessage", envelope), envelope.toString());
      assertEquals(
          List.of(
              "server_tool_use",
              "web_search_tool_result",
              "text",
              "text",
              "server_tool_use",
              "web_fetch_tool_result",
              "server_tool_use",
              "bash_code_execution_tool_result",
              "mcp_tool_use",
              "mcp_tool_result",
              "text"),
          m.content().stream().map(ContentBlock::type).toList(),
          m.toJson().toString());
      assertEquals(1, m.usage().webSearchRequests());
      assertEquals(1, m.usage().webFetchRequests());
      assertEquals("A mock source says so[1]. mock answer to: oslo", m.citedAnswer().markedText());
    }
    assertEquals(
        com.google.gson.JsonParser.parseString(
            whole.toJson().getAsJsonArray("content").toString().replace("000001", "X")),
        com.google.gson.JsonParser.parseString(
            streamed.toJson().getAsJsonArray("content").toString().replace("000002", "X")));
  }

  @Test
  void should_refuse_mcp_servers_without_the_beta_as_the_api_does() {
    // the client adds the beta itself; a raw body without it is what the check is for
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            com.anthropic.tool.client.error.ApiException.class,
            () ->
                client.messages(
                    request().toBuilder().build(),
                    com.anthropic.tool.client.CallOptions.builder()
                        .header("anthropic-beta", "other")
                        .build()));
    assertTrue(e.getMessage().contains("mcp-client-2025-11-20"), e.getMessage());
  }
}
