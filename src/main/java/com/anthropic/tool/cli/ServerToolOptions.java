package com.anthropic.tool.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The server tool and request-field options of CLI.md ("Server tools") that {@code messages},
 * {@code stream}, {@code chat}, {@code tool-loop} and {@code batches create --prompts} take; {@link
 * ServerToolRequest} applies them. Every field starts at its default, so {@link FastPath} can build
 * a command with {@code new}.
 */
final class ServerToolOptions {
  @Option(
      names = "--web-search",
      description = "Let the model search the web (Anthropic's web_search server tool).")
  boolean webSearch;

  @Option(
      names = "--web-search-max-uses",
      paramLabel = "N",
      description = "At most N searches per answer (implies --web-search).")
  Integer webSearchMaxUses;

  @Option(
      names = "--web-fetch",
      description = "Let the model fetch web pages and PDFs (the web_fetch server tool).")
  boolean webFetch;

  @Option(
      names = "--web-fetch-max-uses",
      paramLabel = "N",
      description = "At most N fetches per answer (implies --web-fetch).")
  Integer webFetchMaxUses;

  @Option(
      names = "--allow-domain",
      paramLabel = "DOMAIN",
      description = "Search and fetch only this domain; repeatable.")
  List<String> allowDomains = new ArrayList<>();

  @Option(
      names = "--block-domain",
      paramLabel = "DOMAIN",
      description = "Never search or fetch this domain; repeatable.")
  List<String> blockDomains = new ArrayList<>();

  @Option(
      names = "--user-location",
      paramLabel = "CITY,REGION,COUNTRY,TZ",
      description =
          "Localise web search results (any part may be empty; COUNTRY two letters, TZ such as"
              + " Europe/Oslo).")
  String userLocation;

  @Option(
      names = "--code-execution",
      description = "Let the model run code in a sandbox (the code_execution server tool).")
  boolean codeExecution;

  @Option(
      names = "--container",
      paramLabel = "ID",
      description = "Reuse this code execution container.")
  String container;

  @Option(
      names = "--mcp-server",
      paramLabel = "'URL [name=NAME] [token-env=VAR]'",
      description =
          "A remote MCP server the API connects to (MCP connector beta); the token is read from"
              + " the environment variable VAR; repeatable.")
  List<String> mcpServers = new ArrayList<>();

  @Option(
      names = "--metadata-user",
      paramLabel = "ID",
      description = "metadata.user_id: an opaque id of your end user (no name or email).")
  String metadataUser;

  @Option(
      names = "--inference-geo",
      paramLabel = "GEO",
      description = "inference_geo: where the model runs (us, global, ...).")
  String inferenceGeo;

  @Option(
      names = "--citations",
      description =
          "After a text answer, list the sources it cites (Sources: [N] TITLE URL) and mark each"
              + " cited span with [N].")
  boolean citations;

  /** Whether any request option of this mixin was given (batches create checks). */
  boolean anyRequestOption() {
    return webSearch
        || webSearchMaxUses != null
        || webFetch
        || webFetchMaxUses != null
        || !allowDomains.isEmpty()
        || !blockDomains.isEmpty()
        || userLocation != null
        || codeExecution
        || container != null
        || !mcpServers.isEmpty()
        || metadataUser != null
        || inferenceGeo != null;
  }

  boolean citations() {
    return citations;
  }
}
