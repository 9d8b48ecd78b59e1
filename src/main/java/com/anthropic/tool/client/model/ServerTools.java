package com.anthropic.tool.client.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * The tools that run on Anthropic's side and the MCP connector: the one place that names their
 * versions (the newest that Anthropic's OpenAPI spec lists for {@code POST /v1/messages}).
 *
 * <pre>{@code
 * MessagesRequest req = MessagesRequest.builder("claude-sonnet-4-6", messages, 1024)
 *     .addTool(ServerTools.webSearch(3, List.of("en.wikipedia.org"), List.of(), null))
 *     .addTool(ServerTools.codeExecution())
 *     .build();
 * }</pre>
 */
public final class ServerTools {
  /** {@code web_search}: searches the web; billed per search ({@code Pricing}). */
  public static final String WEB_SEARCH = "web_search_20260209";

  /** {@code web_fetch}: fetches the text of a web page or PDF. */
  public static final String WEB_FETCH = "web_fetch_20260309";

  /** {@code code_execution}: runs code in a sandboxed container. */
  public static final String CODE_EXECUTION = "code_execution_20260120";

  /** The {@code anthropic-beta} value the MCP connector ({@code mcp_servers}) needs. */
  public static final String MCP_CONNECTOR_BETA = "mcp-client-2025-11-20";

  private ServerTools() {}

  /**
   * The web search tool.
   *
   * @param maxUses the most searches in one answer, or null for no limit
   * @param allowedDomains only these domains (empty: any)
   * @param blockedDomains never these domains
   * @param location where results should be local to, or null
   */
  public static Tool webSearch(
      Integer maxUses,
      List<String> allowedDomains,
      List<String> blockedDomains,
      UserLocation location) {
    JsonObject o = base(WEB_SEARCH, "web_search", maxUses, allowedDomains, blockedDomains);
    if (location != null) {
      o.add("user_location", location.toJson());
    }
    return Tool.fromJson(o);
  }

  /** The web fetch tool; arguments as for {@link #webSearch}. */
  public static Tool webFetch(
      Integer maxUses, List<String> allowedDomains, List<String> blockedDomains) {
    return Tool.fromJson(base(WEB_FETCH, "web_fetch", maxUses, allowedDomains, blockedDomains));
  }

  /** The code execution tool. */
  public static Tool codeExecution() {
    JsonObject o = new JsonObject();
    o.addProperty("type", CODE_EXECUTION);
    o.addProperty("name", "code_execution");
    return Tool.fromJson(o);
  }

  /** The {@code mcp_toolset} tool that offers every tool of one {@code mcp_servers} entry. */
  public static Tool mcpToolset(String serverName) {
    JsonObject o = new JsonObject();
    o.addProperty("type", "mcp_toolset");
    o.addProperty("mcp_server_name", Objects.requireNonNull(serverName, "serverName"));
    return Tool.fromJson(o);
  }

  private static JsonObject base(
      String type, String name, Integer maxUses, List<String> allowed, List<String> blocked) {
    if (maxUses != null && maxUses < 1) {
      throw new IllegalArgumentException(name + " max_uses must be at least 1, got " + maxUses);
    }
    JsonObject o = new JsonObject();
    o.addProperty("type", type);
    o.addProperty("name", name);
    Json.put(o, "max_uses", maxUses);
    if (allowed != null && !allowed.isEmpty()) {
      o.add("allowed_domains", strings(allowed));
    }
    if (blocked != null && !blocked.isEmpty()) {
      o.add("blocked_domains", strings(blocked));
    }
    return o;
  }

  private static JsonArray strings(List<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }

  /**
   * An approximate location for web search results; each part may be null.
   *
   * @param country two letters (ISO 3166-1 alpha-2)
   * @param timezone an IANA time zone such as {@code Europe/Oslo}
   */
  public record UserLocation(String city, String region, String country, String timezone) {
    public JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("type", "approximate");
      Json.put(o, "city", city);
      Json.put(o, "region", region);
      Json.put(o, "country", country);
      Json.put(o, "timezone", timezone);
      return o;
    }
  }

  /**
   * A remote MCP server for the MCP connector ({@code mcp_servers}, beta {@link
   * #MCP_CONNECTOR_BETA}). {@link #toString()} never shows the token.
   *
   * @param authorizationToken an OAuth bearer token for the server, or null
   */
  public record McpServer(String url, String name, String authorizationToken) {
    public McpServer {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(name, "name");
    }

    /** The {@code mcp_servers} entry, token included: it is sent, never shown. */
    public JsonObject toJson() {
      JsonObject o = new JsonObject();
      o.addProperty("type", "url");
      o.addProperty("url", url);
      o.addProperty("name", name);
      Json.put(o, "authorization_token", authorizationToken);
      return o;
    }

    @Override
    public String toString() {
      return "McpServer[url="
          + url
          + ", name="
          + name
          + ", authorizationToken="
          + (authorizationToken == null ? "none" : "<redacted>")
          + "]";
    }
  }
}
