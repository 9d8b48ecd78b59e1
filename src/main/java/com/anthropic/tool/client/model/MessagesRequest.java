package com.anthropic.tool.client.model;

import com.anthropic.tool.client.error.InvalidRequestException;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code POST /v1/messages} request. Build one with {@link #builder}; {@code build()} validates
 * it and names the offending field.
 *
 * <pre>{@code
 * MessagesRequest req = MessagesRequest.builder(
 *         "claude-sonnet-4-6", List.of(MessageParam.user("Hello")), 1024)
 *     .system("Be brief.")
 *     .temperature(0.2)
 *     .build();
 * Message m = client.messages(req, CallOptions.builder().noRetries().build()); // per-call options
 * }</pre>
 *
 * <p>A pure wire record: retries, timeouts and extra headers for one call are {@code
 * com.anthropic.tool.client.CallOptions}, passed beside the request.
 *
 * @param extra request fields this library does not model (kept from {@code --request} files)
 */
public record MessagesRequest(
    String model,
    List<MessageParam> messages,
    int maxTokens,
    List<ContentBlock.Text> system,
    Double temperature,
    Double topP,
    Integer topK,
    List<String> stopSequences,
    boolean stream,
    List<Tool> tools,
    ToolChoice toolChoice,
    ThinkingConfig thinking,
    OutputConfig outputConfig,
    String serviceTier,
    JsonObject metadata,
    JsonObject extra) {

  private static final Set<String> MODELLED =
      Set.of(
          "model",
          "messages",
          "max_tokens",
          "system",
          "temperature",
          "top_p",
          "top_k",
          "stop_sequences",
          "stream",
          "tools",
          "tool_choice",
          "thinking",
          "output_config",
          "service_tier",
          "metadata");

  public MessagesRequest {
    messages = List.copyOf(messages);
    system = system == null ? List.of() : List.copyOf(system);
    stopSequences = stopSequences == null ? List.of() : List.copyOf(stopSequences);
    tools = tools == null ? List.of() : List.copyOf(tools);
    extra = extra == null ? new JsonObject() : extra;
  }

  /** Starts a request with the three required fields. */
  public static Builder builder(String model, List<MessageParam> messages, int maxTokens) {
    return new Builder().model(model).messages(messages).maxTokens(maxTokens);
  }

  /** A builder holding this request's values, for overrides. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.model = model;
    b.messages = new ArrayList<>(messages);
    b.maxTokens = maxTokens;
    b.system = new ArrayList<>(system);
    b.temperature = temperature;
    b.topP = topP;
    b.topK = topK;
    b.stopSequences = new ArrayList<>(stopSequences);
    b.stream = stream;
    b.tools = new ArrayList<>(tools);
    b.toolChoice = toolChoice;
    b.thinking = thinking;
    b.outputConfig = outputConfig;
    b.serviceTier = serviceTier;
    b.metadata = metadata;
    b.extra = extra.deepCopy();
    return b;
  }

  /**
   * Reads a request body (the JSON the API takes) into a builder; fields it does not model are
   * kept.
   *
   * @throws IllegalArgumentException when a field has the wrong shape
   */
  public static Builder fromJson(JsonObject o) {
    Builder b = new Builder();
    b.model = Json.str(o, "model");
    Integer mt = Json.integer(o, "max_tokens");
    b.maxTokens = mt == null ? 0 : mt;
    JsonArray msgs = Json.arr(o, "messages");
    if (msgs != null) {
      for (JsonElement e : msgs) {
        if (!e.isJsonObject()) {
          throw new IllegalArgumentException("messages: each message must be an object");
        }
        b.messages.add(MessageParam.fromJson(e.getAsJsonObject()));
      }
    } else if (o.has("messages")) {
      throw new IllegalArgumentException("messages must be an array");
    }
    JsonElement sys = o.get("system");
    if (sys != null && !sys.isJsonNull()) {
      for (ContentBlock block : ContentBlock.contentOf(sys)) {
        if (!(block instanceof ContentBlock.Text)) {
          throw new IllegalArgumentException("system: only text blocks are allowed");
        }
        b.system.add((ContentBlock.Text) block);
      }
    }
    b.temperature = Json.number(o, "temperature");
    b.topP = Json.number(o, "top_p");
    b.topK = Json.integer(o, "top_k");
    JsonArray stops = Json.arr(o, "stop_sequences");
    if (stops != null) {
      for (JsonElement e : stops) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
          throw new IllegalArgumentException("stop_sequences: each must be a string");
        }
        b.stopSequences.add(e.getAsString());
      }
    }
    Boolean stream = Json.bool(o, "stream");
    b.stream = stream != null && stream;
    JsonArray tools = Json.arr(o, "tools");
    if (tools != null) {
      for (JsonElement e : tools) {
        if (!e.isJsonObject()) {
          throw new IllegalArgumentException("tools: each tool must be an object");
        }
        b.tools.add(Tool.fromJson(e.getAsJsonObject()));
      }
    }
    JsonObject tc = Json.obj(o, "tool_choice");
    b.toolChoice = tc == null ? null : ToolChoice.fromJson(tc);
    JsonObject th = Json.obj(o, "thinking");
    b.thinking = th == null ? null : ThinkingConfig.fromJson(th);
    JsonObject oc = Json.obj(o, "output_config");
    b.outputConfig = oc == null ? null : OutputConfig.fromJson(oc);
    b.serviceTier = Json.str(o, "service_tier");
    b.metadata = Json.obj(o, "metadata");
    for (Map.Entry<String, JsonElement> e : o.entrySet()) {
      if (!MODELLED.contains(e.getKey())) {
        b.extra.add(e.getKey(), e.getValue().deepCopy());
      }
    }
    return b;
  }

  /** The request body as the API takes it. */
  public JsonObject toJson() {
    JsonObject o = new JsonObject();
    o.addProperty("model", model);
    o.addProperty("max_tokens", maxTokens);
    JsonArray msgs = new JsonArray();
    for (MessageParam m : messages) {
      msgs.add(m.toJson());
    }
    o.add("messages", msgs);
    if (!system.isEmpty()) {
      o.add("system", ContentBlock.toJsonArray(system));
    }
    Json.put(o, "temperature", temperature);
    Json.put(o, "top_p", topP);
    Json.put(o, "top_k", topK);
    if (!stopSequences.isEmpty()) {
      JsonArray a = new JsonArray();
      stopSequences.forEach(a::add);
      o.add("stop_sequences", a);
    }
    if (stream) {
      o.addProperty("stream", true);
    }
    if (!tools.isEmpty()) {
      JsonArray a = new JsonArray();
      tools.forEach(t -> a.add(t.toJson()));
      o.add("tools", a);
    }
    Json.put(o, "tool_choice", toolChoice == null ? null : toolChoice.toJson());
    Json.put(o, "thinking", thinking == null ? null : thinking.toJson());
    Json.put(o, "output_config", outputConfig == null ? null : outputConfig.toJson());
    Json.put(o, "service_tier", serviceTier);
    Json.put(o, "metadata", metadata);
    for (Map.Entry<String, JsonElement> e : extra.entrySet()) {
      o.add(e.getKey(), e.getValue().deepCopy());
    }
    return o;
  }

  /**
   * Whether the request uses the MCP connector ({@code mcp_servers}), which needs the beta {@link
   * ServerTools#MCP_CONNECTOR_BETA}; {@code AnthropicClient} adds it to such calls.
   */
  public boolean usesMcpConnector() {
    JsonArray servers = Json.arr(extra, "mcp_servers");
    return servers != null && !servers.isEmpty();
  }

  /**
   * The longest a non-streaming call may take to answer: 3600 s × max_tokens / 128 000, at most 600
   * s (the official SDKs' rule).
   */
  public Duration expectedDuration() {
    long seconds = Math.min(600L, Math.round(3600.0 * maxTokens / 128_000.0));
    return Duration.ofSeconds(seconds);
  }

  /**
   * Collects fields and validates them in {@link #build()}. {@link MessagesRequest#toBuilder()}
   * starts one from an existing request, to go on with a conversation:
   *
   * <pre>{@code
   * MessagesRequest next = request.toBuilder()
   *     .addMessage(MessageParam.assistant(message.content()))
   *     .addMessage(MessageParam.user("And in French?"))
   *     .build(); // fails naming the field: no model, no messages, max_tokens < 1, ...
   * }</pre>
   */
  public static final class Builder {
    private String model;
    private List<MessageParam> messages = new ArrayList<>();
    private int maxTokens;
    private List<ContentBlock.Text> system = new ArrayList<>();
    private Double temperature;
    private Double topP;
    private Integer topK;
    private List<String> stopSequences = new ArrayList<>();
    private boolean stream;
    private List<Tool> tools = new ArrayList<>();
    private ToolChoice toolChoice;
    private ThinkingConfig thinking;
    private OutputConfig outputConfig;
    private String serviceTier;
    private JsonObject metadata;
    private JsonObject extra = new JsonObject();

    Builder() {}

    public Builder model(String model) {
      this.model = model;
      return this;
    }

    public Builder messages(List<MessageParam> messages) {
      this.messages = new ArrayList<>(Objects.requireNonNull(messages, "messages"));
      return this;
    }

    public Builder addMessage(MessageParam message) {
      this.messages.add(Objects.requireNonNull(message, "message"));
      return this;
    }

    public Builder maxTokens(int maxTokens) {
      this.maxTokens = maxTokens;
      return this;
    }

    public Builder system(String text) {
      this.system = new ArrayList<>(List.of(ContentBlock.Text.of(text)));
      return this;
    }

    public Builder system(List<ContentBlock.Text> blocks) {
      this.system = new ArrayList<>(blocks);
      return this;
    }

    public Builder temperature(Double t) {
      this.temperature = t;
      return this;
    }

    public Builder topP(Double p) {
      this.topP = p;
      return this;
    }

    public Builder topK(Integer k) {
      this.topK = k;
      return this;
    }

    public Builder stopSequences(List<String> stops) {
      this.stopSequences = new ArrayList<>(stops);
      return this;
    }

    public Builder stream(boolean stream) {
      this.stream = stream;
      return this;
    }

    public Builder tools(List<Tool> tools) {
      this.tools = new ArrayList<>(tools);
      return this;
    }

    public Builder toolChoice(ToolChoice choice) {
      this.toolChoice = choice;
      return this;
    }

    public Builder thinking(ThinkingConfig thinking) {
      this.thinking = thinking;
      return this;
    }

    /** {@code output_config}: a JSON Schema for the answer and/or an effort level. */
    public Builder outputConfig(OutputConfig config) {
      this.outputConfig = config;
      return this;
    }

    public OutputConfig outputConfig() {
      return outputConfig;
    }

    public Builder serviceTier(String tier) {
      this.serviceTier = tier;
      return this;
    }

    public Builder metadata(JsonObject metadata) {
      this.metadata = metadata;
      return this;
    }

    /** Adds a tool: a client tool, or a server tool from {@link ServerTools}. */
    public Builder addTool(Tool tool) {
      this.tools.add(Objects.requireNonNull(tool, "tool"));
      return this;
    }

    /**
     * Adds a remote MCP server (the MCP connector, beta): its {@code mcp_servers} entry and the
     * {@code mcp_toolset} tool that offers its tools.
     */
    public Builder addMcpServer(ServerTools.McpServer server) {
      JsonArray servers = Json.arr(extra, "mcp_servers");
      if (servers == null) {
        servers = new JsonArray();
        extra.add("mcp_servers", servers);
      }
      servers.add(server.toJson());
      return addTool(ServerTools.mcpToolset(server.name()));
    }

    /** {@code container}: the id of a code execution container to reuse. */
    public Builder container(String id) {
      return putExtra("container", id == null ? null : new com.google.gson.JsonPrimitive(id));
    }

    /** {@code inference_geo}: where the model runs ({@code us}, {@code global}, ...). */
    public Builder inferenceGeo(String geo) {
      return putExtra("inference_geo", geo == null ? null : new com.google.gson.JsonPrimitive(geo));
    }

    /** {@code metadata.user_id}: an opaque id of the end user (no name or email). */
    public Builder metadataUserId(String userId) {
      JsonObject m = metadata == null ? new JsonObject() : metadata.deepCopy();
      m.addProperty("user_id", userId);
      this.metadata = m;
      return this;
    }

    /** Adds a field this library does not model; it is sent as given. */
    public Builder putExtra(String name, JsonElement value) {
      if (value == null) {
        this.extra.remove(name);
        return this;
      }
      this.extra.add(name, value);
      return this;
    }

    public List<MessageParam> messages() {
      return messages;
    }

    public String model() {
      return model;
    }

    public int maxTokens() {
      return maxTokens;
    }

    public List<Tool> tools() {
      return tools;
    }

    public List<ContentBlock.Text> system() {
      return system;
    }

    /**
     * Validates and builds.
     *
     * @throws InvalidRequestException naming the first invalid field
     */
    public MessagesRequest build() {
      if (model == null || model.isBlank()) {
        throw new InvalidRequestException("model must not be empty");
      }
      if (messages.isEmpty()) {
        throw new InvalidRequestException("messages must not be empty");
      }
      for (int i = 0; i < messages.size(); i++) {
        String role = messages.get(i).role();
        if (!role.equals("user") && !role.equals("assistant")) {
          throw new InvalidRequestException(
              "messages[" + i + "].role must be user or assistant, got " + role);
        }
        if (messages.get(i).content().isEmpty()) {
          throw new InvalidRequestException("messages[" + i + "].content must not be empty");
        }
      }
      if (maxTokens <= 0) {
        throw new InvalidRequestException("max_tokens must be greater than 0, got " + maxTokens);
      }
      if (temperature != null && (temperature < 0 || temperature > 1 || temperature.isNaN())) {
        throw new InvalidRequestException(
            "temperature must be between 0 and 1, got " + temperature);
      }
      if (topP != null && (topP < 0 || topP > 1 || topP.isNaN())) {
        throw new InvalidRequestException("top_p must be between 0 and 1, got " + topP);
      }
      if (topK != null && topK < 0) {
        throw new InvalidRequestException("top_k must not be negative, got " + topK);
      }
      for (String s : stopSequences) {
        if (s == null || s.isEmpty()) {
          throw new InvalidRequestException("stop_sequences must not contain empty strings");
        }
      }
      if (serviceTier != null
          && !serviceTier.equals("auto")
          && !serviceTier.equals("standard_only")) {
        throw new InvalidRequestException(
            "service_tier must be auto or standard_only, got " + serviceTier);
      }
      if (thinking != null && "enabled".equals(thinking.type())) {
        Integer budget = thinking.budgetTokens();
        if (budget == null || budget < 1024) {
          throw new InvalidRequestException(
              "thinking.budget_tokens must be at least 1024, got " + budget);
        }
        if (budget >= maxTokens) {
          throw new InvalidRequestException(
              "thinking.budget_tokens ("
                  + budget
                  + ") must be less than max_tokens ("
                  + maxTokens
                  + ")");
        }
      }
      if (outputConfig != null
          && outputConfig.effort() != null
          && !OutputConfig.EFFORTS.contains(outputConfig.effort())) {
        throw new InvalidRequestException(
            "output_config.effort must be one of "
                + String.join(", ", OutputConfig.EFFORTS)
                + ", got "
                + outputConfig.effort());
      }
      if (outputConfig != null
          && outputConfig.format() != null
          && "json_schema".equals(Json.str(outputConfig.format(), "type"))
          && outputConfig.schema() == null) {
        throw new InvalidRequestException("output_config.format.schema must be a JSON object");
      }
      JsonArray servers = Json.arr(extra, "mcp_servers");
      if (servers != null && servers.size() > 20) {
        throw new InvalidRequestException(
            "mcp_servers takes at most 20 servers, got " + servers.size());
      }
      String userId = metadata == null ? null : Json.str(metadata, "user_id");
      if (userId != null && userId.length() > 512) {
        throw new InvalidRequestException(
            "metadata.user_id must be at most 512 characters, got " + userId.length());
      }
      if (toolChoice != null && "tool".equals(toolChoice.type()) && toolChoice.name() == null) {
        throw new InvalidRequestException("tool_choice of type tool needs a name");
      }
      if (toolChoice != null && "tool".equals(toolChoice.type())) {
        boolean known =
            tools.stream().anyMatch(t -> java.util.Objects.equals(toolChoice.name(), t.name()));
        if (!known && !tools.isEmpty()) {
          throw new InvalidRequestException(
              "tool_choice names " + toolChoice.name() + ", which is not among the tools");
        }
      }
      return new MessagesRequest(
          model,
          messages,
          maxTokens,
          system,
          temperature,
          topP,
          topK,
          stopSequences,
          stream,
          tools,
          toolChoice,
          thinking,
          outputConfig,
          serviceTier,
          metadata,
          extra);
    }
  }
}
