package com.anthropic.tool.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The request options of CLI.md, shared by messages, stream, count-tokens and friends. */
public final class RequestOptions {
  @Option(
      names = {"-m", "--model"},
      paramLabel = "ID",
      description =
          "Model (default: $ANTHROPIC_MODEL, then model in the config file, then claude-sonnet-4-6).")
  String model;

  @Option(
      names = "--max-tokens",
      converter = Ranges.MaxTokens.class,
      paramLabel = "N",
      description = "Most tokens to generate, 1 to 1000000 (default: per model).")
  Integer maxTokens;

  @Option(
      names = {"-s", "--system"},
      paramLabel = "TEXT",
      description = "System prompt.")
  String system;

  @Option(
      names = "--system-file",
      paramLabel = "FILE|-",
      description = "Read the system prompt from a file (- for stdin).")
  String systemFile;

  @Option(
      names = {"-t", "--temperature"},
      paramLabel = "X",
      converter = Ranges.UnitInterval.class,
      description = "Sampling temperature, 0 to 1.")
  Double temperature;

  @Option(
      names = "--top-p",
      paramLabel = "X",
      converter = Ranges.UnitInterval.class,
      description = "Nucleus sampling, 0 to 1.")
  Double topP;

  @Option(
      names = "--top-k",
      paramLabel = "N",
      converter = Ranges.TopK.class,
      description = "Sample from the top K tokens, 0 to 1000000.")
  Integer topK;

  @Option(names = "--stop", paramLabel = "SEQ", description = "Stop sequence; repeatable.")
  List<String> stop = new ArrayList<>();

  @Option(
      names = {"-a", "--attach"},
      paramLabel = "FILE|URL|-",
      description =
          "Attach an image, PDF or text file (type from its content), a URL (.pdf: document,"
              + " else image; never fetched here), or - for stdin; repeatable.")
  List<String> attach = new ArrayList<>();

  @Option(
      names = "--thinking",
      paramLabel = "BUDGET|adaptive",
      description =
          "Extended thinking with this token budget (at least 1024; 0 turns it off), or adaptive"
              + " (the model decides).")
  String thinking;

  @Option(
      names = "--effort",
      paramLabel = "LEVEL",
      completionCandidates = Candidates.Efforts.class,
      description = "output_config.effort: low, medium, high, xhigh or max.")
  String effort;

  @Option(
      names = "--schema",
      paramLabel = "FILE|JSON|SPEC",
      description =
          "Structured output: a JSON Schema file, inline JSON ({...}), or fields such as"
              + " 'name, born int, bio: a one-line biography' (types str, int, float, bool).")
  String schema;

  @Option(
      names = "--service-tier",
      paramLabel = "TIER",
      completionCandidates = Candidates.ServiceTiers.class,
      description = "auto or standard_only.")
  String serviceTier;

  @Option(
      names = "--cache",
      description = "Add cache_control to the system prompt and the last user block.")
  boolean cache;

  @Option(
      names = "--cache-ttl",
      completionCandidates = Candidates.CacheTtls.class,
      paramLabel = "TTL",
      description = "Cache lifetime, 5m or 1h (implies --cache).")
  String cacheTtl;

  @Option(
      names = "--tool",
      paramLabel = "FILE",
      description = "Tool definition JSON file; repeatable.")
  List<String> tools = new ArrayList<>();

  @Option(
      names = "--tool-choice",
      completionCandidates = Candidates.ToolChoices.class,
      paramLabel = "CHOICE",
      description = "auto, any, none or a tool name.")
  String toolChoice;

  @Option(
      names = "--request",
      paramLabel = "FILE|-",
      description = "A full request body as JSON; flags given here override its fields.")
  String request;

  @Option(
      names = {"-n", "--no-stdin"},
      description =
          "Leave standard input unread (for loops that feed stdin to something else);"
              + " an explicit - still reads it.")
  boolean noStdin;

  @Option(
      names = {"-u", "--usage"},
      description = "Print token usage and an estimated cost to stderr.")
  boolean usage;

  @Option(
      names = "--show-thinking",
      description = "Print the model's thinking to stderr (never stdout).")
  boolean showThinking;

  @Option(
      names = "--template",
      paramLabel = "NAME",
      description =
          "Apply a saved template ('anthropic templates'); options given here win over its values.")
  String template;

  @Option(
      names = {"-p", "--param"},
      arity = "2",
      paramLabel = "NAME VALUE",
      hideParamSyntax = true,
      description = "Fill $NAME in the template's prompt with VALUE; repeatable.")
  List<String> params = new ArrayList<>();

  /** Set by {@link TemplateApplier}: the template's prompt, placeholders not yet filled. */
  String templatePrompt;

  /** Set by {@link TemplateApplier}: the {@code -p} values by name. */
  java.util.Map<String, String> templateParams = java.util.Map.of();

  /** Whether {@link TemplateApplier} has run on these options. */
  boolean templateApplied;

  public boolean usage() {
    return usage;
  }

  public boolean showThinking() {
    return showThinking;
  }
}
