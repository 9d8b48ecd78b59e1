package com.anthropic.tool.cli;

import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.ServerTools;
import com.anthropic.tool.client.model.Tool;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies {@link ServerToolOptions} to a request: the server tools (versions from {@link
 * ServerTools}), {@code mcp_servers} with their {@code mcp_toolset} tools, {@code container},
 * {@code metadata.user_id} and {@code inference_geo}. An MCP token comes only from the environment
 * variable {@code token-env=} names, and no error message ever holds it.
 */
final class ServerToolRequest {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private ServerToolRequest() {}

  /**
   * Adds what the options ask for to the builder.
   *
   * @throws CliException for a bad value (exit 2); nothing is sent then
   */
  static void apply(ServerToolOptions o, MessagesRequest.Builder b, Map<String, String> env) {
    if (o == null) {
      return;
    }
    boolean search = o.webSearch || o.webSearchMaxUses != null;
    boolean fetch = o.webFetch || o.webFetchMaxUses != null;
    if (!o.allowDomains.isEmpty() && !o.blockDomains.isEmpty()) {
      throw CliException.usage("--allow-domain and --block-domain cannot be used together");
    }
    if ((!o.allowDomains.isEmpty() || !o.blockDomains.isEmpty()) && !search && !fetch) {
      throw CliException.usage(
          (o.allowDomains.isEmpty() ? "--block-domain" : "--allow-domain")
              + " needs --web-search or --web-fetch");
    }
    if (o.userLocation != null && !search) {
      throw CliException.usage("--user-location needs --web-search");
    }
    List<String> allowed = domains(o.allowDomains, "--allow-domain");
    List<String> blocked = domains(o.blockDomains, "--block-domain");
    if (search) {
      add(
          b,
          ServerTools.webSearch(
              maxUses(o.webSearchMaxUses, "--web-search-max-uses"),
              allowed,
              blocked,
              o.userLocation == null ? null : location(o.userLocation)));
    }
    if (fetch) {
      add(
          b,
          ServerTools.webFetch(
              maxUses(o.webFetchMaxUses, "--web-fetch-max-uses"), allowed, blocked));
    }
    if (o.codeExecution) {
      add(b, ServerTools.codeExecution());
    }
    if (o.container != null) {
      b.container(nonBlank(o.container, "--container"));
    }
    Set<String> names = new HashSet<>();
    for (String spec : o.mcpServers) {
      ServerTools.McpServer server = mcpServer(spec, env);
      if (!names.add(server.name())) {
        throw CliException.usage(
            "--mcp-server: two servers are named "
                + server.name()
                + "; give each its own with name=NAME");
      }
      b.addMcpServer(server);
    }
    if (o.metadataUser != null) {
      b.metadataUserId(nonBlank(o.metadataUser, "--metadata-user"));
    }
    if (o.inferenceGeo != null) {
      b.inferenceGeo(nonBlank(o.inferenceGeo, "--inference-geo"));
    }
  }

  /** A tool of the same name from {@code --request} is replaced, not sent twice. */
  private static void add(MessagesRequest.Builder b, Tool tool) {
    List<Tool> tools = new ArrayList<>();
    for (Tool t : b.tools()) {
      if (!Objects.equals(t.name(), tool.name())) {
        tools.add(t);
      }
    }
    tools.add(tool);
    b.tools(tools);
  }

  private static Integer maxUses(Integer n, String flag) {
    if (n != null && n < 1) {
      throw CliException.usage(flag + " must be at least 1, got " + n);
    }
    return n;
  }

  private static List<String> domains(List<String> values, String flag) {
    List<String> out = new ArrayList<>();
    for (String v : values) {
      String d = v.strip();
      if (d.isEmpty() || d.contains(" ") || d.contains("://")) {
        throw CliException.usage(
            flag + " takes a domain such as example.com or docs.example.com/api, got '" + v + "'");
      }
      out.add(d);
    }
    return out;
  }

  /** {@code CITY,REGION,COUNTRY,TZ}; any part may be empty, and trailing parts left out. */
  static ServerTools.UserLocation location(String value) {
    String[] parts = value.split(",", -1);
    if (parts.length > 4 || value.isBlank()) {
      throw CliException.usage(
          "--user-location takes CITY,REGION,COUNTRY,TZ (parts may be empty), got '" + value + "'");
    }
    String[] p = new String[4];
    for (int i = 0; i < 4; i++) {
      String s = i < parts.length ? parts[i].strip() : "";
      p[i] = s.isEmpty() ? null : s;
      if (s.length() > 255) {
        throw CliException.usage("--user-location: each part takes at most 255 characters");
      }
    }
    if (p[2] != null) {
      if (!p[2].matches("[A-Za-z]{2}")) {
        throw CliException.usage(
            "--user-location: COUNTRY is two letters (ISO 3166-1, such as US or NO), got '"
                + p[2]
                + "'");
      }
      p[2] = p[2].toUpperCase(Locale.ROOT);
    }
    return new ServerTools.UserLocation(p[0], p[1], p[2], p[3]);
  }

  /**
   * {@code URL [name=NAME] [token-env=VAR]}. Errors name the URL and the variable, never a value
   * that could be a token.
   */
  static ServerTools.McpServer mcpServer(String spec, Map<String, String> env) {
    List<String> words = List.of(spec.strip().split("\\s+"));
    String url = words.get(0);
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      throw CliException.usage(
          "--mcp-server takes 'URL [name=NAME] [token-env=VAR]' with an http(s) URL first");
    }
    String name = null;
    String token = null;
    for (String w : words.subList(1, words.size())) {
      int eq = w.indexOf('=');
      String key = eq < 0 ? w : w.substring(0, eq);
      String value = eq < 0 ? "" : w.substring(eq + 1);
      switch (key) {
        case "name" -> {
          if (!NAME.matcher(value).matches()) {
            throw CliException.usage(
                "--mcp-server "
                    + url
                    + ": name= takes letters, digits, _ and - (at most 64), got '"
                    + value
                    + "'");
          }
          name = value;
        }
        case "token-env" -> {
          if (!ENV_NAME.matcher(value).matches()) {
            throw CliException.usage(
                "--mcp-server " + url + ": token-env= takes an environment variable's name");
          }
          token = env.get(value);
          if (token == null || token.isBlank()) {
            throw CliException.usage(
                "--mcp-server " + url + ": the environment variable " + value + " is not set");
          }
          token = token.strip();
        }
        case "token", "authorization_token", "authorization-token" ->
            throw CliException.usage(
                "--mcp-server "
                    + url
                    + ": a token is never taken on the command line; put it in an environment"
                    + " variable and give token-env=VAR");
        default ->
            throw CliException.usage(
                "--mcp-server " + url + ": unknown setting '" + key + "' (name=, token-env=)");
      }
    }
    return new ServerTools.McpServer(url, name == null ? nameOf(url) : name, token);
  }

  /** A server name from the URL's host: {@code mcp.example.com} gives {@code mcp-example-com}. */
  private static String nameOf(String url) {
    String rest = url.substring(url.indexOf("://") + 3);
    int end = rest.length();
    for (char c : new char[] {'/', ':', '?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    int at = rest.lastIndexOf('@', end);
    String host = rest.substring(at + 1, end).replaceAll("[^A-Za-z0-9_-]", "-");
    if (host.isEmpty()) {
      throw CliException.usage("--mcp-server " + url + ": the URL has no host");
    }
    return host.length() > 64 ? host.substring(0, 64) : host;
  }

  private static String nonBlank(String v, String flag) {
    if (v.isBlank()) {
      throw CliException.usage(flag + " must not be empty");
    }
    return v.strip();
  }
}
