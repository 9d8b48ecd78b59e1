package com.anthropic.tool.cli;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.model.CacheControl;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.OutputConfig;
import com.anthropic.tool.client.model.ThinkingConfig;
import com.anthropic.tool.client.model.Tool;
import com.anthropic.tool.client.model.ToolChoice;
import com.anthropic.tool.config.Settings;
import com.anthropic.tool.config.Templates;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds a {@link MessagesRequest} from the request options, the prompt words and stdin, with the
 * precedence of CLI.md: flag, then the {@code --request} file, then environment, config, default.
 */
final class RequestFactory {
  private final CliContext ctx;
  private final Settings settings;
  private final CommandSpec spec;
  private boolean stdinUsed;
  private Consumer<String> warn = w -> {};
  private Function<String, String> fileType =
      id -> {
        throw CliException.usage("-a " + id + ": uploaded files cannot be attached here");
      };
  private final Map<String, String> fileTypes = new HashMap<>();
  private boolean toolsAddedLater;

  RequestFactory(CliContext ctx, Settings settings) {
    this(ctx, settings, null);
  }

  /**
   * @param spec the command whose options these are, for {@code --template} (which options were
   *     given on the command line); null on the fast path, which takes no options
   */
  RequestFactory(CliContext ctx, Settings settings, CommandSpec spec) {
    this.ctx = ctx;
    this.settings = settings;
    this.spec = spec;
  }

  /**
   * Applies {@code --template} to the options (once; {@link #build} does it too): for a command
   * that reads its options before it builds the request.
   */
  RequestFactory applyTemplate(RequestOptions o) {
    TemplateApplier.apply(spec, o, new Templates(settings.paths()), warn);
    return this;
  }

  /** The model id a model name or alias stands for ({@link ModelAliases}). */
  String model(String name) {
    return new ModelAliases(settings.paths()).resolve(name);
  }

  /**
   * Leaves {@code --tool-choice NAME} unchecked here: the command offers more tools (--mcp) and
   * checks it with {@link #checkToolChoice} once they are offered.
   */
  RequestFactory toolsAddedLater() {
    toolsAddedLater = true;
    return this;
  }

  /**
   * The request as it is, when its {@code tool_choice} names an offered tool (or none).
   *
   * @throws CliException exit 2 for {@code --tool-choice NAME} that names no offered tool
   */
  static MessagesRequest checkToolChoice(MessagesRequest req) {
    ToolChoice choice = req.toolChoice();
    if (choice == null || !"tool".equals(choice.type())) {
      return req;
    }
    List<String> names = new ArrayList<>();
    for (Tool t : req.tools()) {
      names.add(t.name());
    }
    if (names.contains(choice.name())) {
      return req;
    }
    throw CliException.usage(
        "--tool-choice "
            + choice.name()
            + " names no offered tool"
            + (names.isEmpty()
                ? " (no tools are offered: give them with --tool FILE)"
                : " (offered: " + String.join(", ", names) + ")"));
  }

  /** Leaves standard input unread (chat reads its messages from it). */
  RequestFactory leaveStdin() {
    stdinUsed = true;
    return this;
  }

  /** Loads one attachment as {@code -a} does (chat's {@code /attach}). */
  ContentBlock attach(String fileOrUrl) {
    return attachment(fileOrUrl, "/attach"); // an error names what the user typed
  }

  /** Where warnings about the request go (a model that may not take an option); none by default. */
  RequestFactory onWarning(Consumer<String> warn) {
    this.warn = warn;
    return this;
  }

  /** How {@code -a file_…} learns a file's MIME type (asked once per id). */
  RequestFactory onFileId(Function<String, String> mimeTypeOf) {
    this.fileType = mimeTypeOf;
    return this;
  }

  /** A loaded tool: the API definition plus its local command (never sent). */
  record LocalTool(Tool tool, List<String> command) {}

  /**
   * Builds the request.
   *
   * @param usage the usage text printed when there is nothing to send and stdin is a terminal
   * @throws CliException for bad input (exit 2)
   */
  MessagesRequest build(RequestOptions o, List<String> words, String usage) {
    return build(o, words, () -> usage);
  }

  /**
   * Builds the request; the usage text is rendered only when it is printed.
   *
   * @throws CliException for bad input (exit 2)
   */
  MessagesRequest build(RequestOptions o, List<String> words, Supplier<String> usage) {
    applyTemplate(o);
    MessagesRequest.Builder b;
    boolean fromFile = o.request != null;
    if (fromFile) {
      JsonObject body = readJson(o.request, "--request");
      try {
        b = MessagesRequest.fromJson(body);
      } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
        throw CliException.input(
            "--request "
                + (o.request.equals("-") ? "standard input" : o.request)
                + ": "
                + e.getMessage());
      }
    } else {
      b = MessagesRequest.builder(null, List.of(), 0);
    }
    String system = o.system;
    if (o.systemFile != null) {
      system = text(readBytes(o.systemFile, "--system-file"), "--system-file " + o.systemFile);
    }
    List<ContentBlock> attachments = new ArrayList<>();
    for (String a : o.attach) {
      attachments.add(attachment(a));
    }
    List<ContentBlock> turn = new ArrayList<>();
    String prompt = String.join(" ", words);
    if (o.templatePrompt != null) {
      Map<String, String> values = new HashMap<>(o.templateParams);
      if (Placeholders.names(o.templatePrompt).contains(Placeholders.INPUT)
          && !values.containsKey(Placeholders.INPUT)) {
        // $input: standard input fills it (not a document then), else the prompt words
        String input = null;
        if (!stdinUsed && !o.noStdin && !ctx.stdinIsTerminal()) {
          byte[] piped = readAll();
          if (piped.length > 0) {
            // the line break that ends piped text is not part of what fills the placeholder
            input = text(piped, "standard input").replaceFirst("[\\r\\n]+$", "");
          }
        }
        if (input == null && !prompt.isBlank()) {
          input = prompt;
          prompt = "";
        }
        if (input != null) {
          values.put(Placeholders.INPUT, input);
        }
      }
      String filled = Placeholders.fill(o.templatePrompt, values, o.template);
      prompt = prompt.isBlank() ? filled : filled + "\n\n" + prompt;
    }
    if (!stdinUsed && !o.noStdin && !ctx.stdinIsTerminal()) {
      byte[] piped = readAll();
      if (piped.length > 0) {
        // piped data is a document placed before the prompt words; alone, it is the prompt
        boolean alone = prompt.isBlank() && attachments.isEmpty() && b.messages().isEmpty();
        turn.add(Attachments.fromBytes(piped, "standard input", !alone));
      }
    }
    turn.addAll(attachments);
    if (!prompt.isBlank()) {
      turn.add(ContentBlock.Text.of(prompt));
    }
    if (!turn.isEmpty()) {
      List<MessageParam> msgs = b.messages();
      int last = msgs.size() - 1;
      if (last >= 0 && msgs.get(last).role().equals("user")) {
        List<ContentBlock> merged = new ArrayList<>(msgs.get(last).content());
        merged.addAll(turn);
        msgs.set(last, MessageParam.user(merged));
      } else {
        msgs.add(MessageParam.user(turn));
      }
    }
    if (b.messages().isEmpty()) {
      if (ctx.stdinIsTerminal()) {
        throw new CliException(ExitCodes.USAGE, "usage", usage.get());
      }
      throw CliException.usage("nothing to send: give PROMPT words or pipe text on stdin");
    }
    String model =
        model(
            o.model != null
                ? o.model
                : b.model() != null
                    ? b.model()
                    : settings
                        .resolve(null, "model", "ANTHROPIC_MODEL")
                        .orElse(ModelDefaults.DEFAULT_MODEL));
    b.model(model);
    if (o.maxTokens != null) {
      b.maxTokens(o.maxTokens);
    } else if (b.maxTokens() <= 0) {
      b.maxTokens(
          settings
              .fromFile("max-tokens")
              .map(v -> parseInt(v, "max-tokens in " + settings.paths().configFile()))
              .orElse(ModelDefaults.maxTokensFor(model)));
    }
    if (system != null) {
      b.system(system);
    }
    if (o.temperature != null) {
      b.temperature(o.temperature);
    }
    if (o.topP != null) {
      b.topP(o.topP);
    }
    if (o.topK != null) {
      b.topK(o.topK);
    }
    if (!o.stop.isEmpty()) {
      b.stopSequences(o.stop);
    }
    if (o.thinking != null) {
      b.thinking(thinking(o.thinking, model));
    }
    if (o.effort != null || o.schema != null) {
      b.outputConfig(outputConfig(b.outputConfig(), o, model));
    }
    if (o.serviceTier != null) {
      b.serviceTier(o.serviceTier);
    }
    if (!o.tools.isEmpty()) {
      List<Tool> tools = new ArrayList<>(b.tools());
      for (String path : o.tools) {
        tools.add(loadTool(path).tool());
      }
      b.tools(tools);
    }
    if (o.toolChoice != null) {
      if (o.toolChoice.isBlank()) {
        throw CliException.usage("--tool-choice must be auto, any, none or a tool name, got ''");
      }
      b.toolChoice(ToolChoice.parse(o.toolChoice));
    }
    if (o.cache || o.cacheTtl != null) {
      applyCache(b, o.cacheTtl);
    }
    MessagesRequest built;
    try {
      built = b.build();
    } catch (InvalidRequestException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    return toolsAddedLater ? built : checkToolChoice(built);
  }

  private ThinkingConfig thinking(String value, String model) {
    if (value.strip().equalsIgnoreCase("adaptive")) {
      if (!ModelDefaults.takesAdaptiveThinking(model)) {
        warn.accept(model + " may not take --thinking adaptive (the 4.6 models and later do)");
      }
      return ThinkingConfig.adaptive();
    }
    int budget;
    try {
      budget = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw CliException.usage(
          "--thinking takes a token budget (at least 1024, 0 for off) or adaptive, got '"
              + value
              + "'");
    }
    return budget == 0 ? ThinkingConfig.disabled() : ThinkingConfig.enabled(budget);
  }

  private OutputConfig outputConfig(OutputConfig fromFile, RequestOptions o, String model) {
    OutputConfig c = fromFile == null ? new OutputConfig(null, null) : fromFile;
    if (o.effort != null) {
      String e = o.effort.strip().toLowerCase(java.util.Locale.ROOT);
      if (!OutputConfig.EFFORTS.contains(e)) {
        throw CliException.usage(
            "--effort must be one of "
                + String.join(", ", OutputConfig.EFFORTS)
                + ", got '"
                + o.effort
                + "'");
      }
      List<String> takes = ModelDefaults.effortsFor(model);
      if (!takes.contains(e)) {
        warn.accept(
            model
                + " may not take --effort "
                + e
                + (takes.isEmpty()
                    ? " (it takes no effort level)"
                    : " (it takes " + String.join(", ", takes) + ")"));
      }
      c = c.withEffort(e);
    }
    if (o.schema != null) {
      c = c.withSchema(schema(o.schema));
    }
    return c;
  }

  /** {@code --schema}: inline JSON, a JSON Schema file, or the concise SPEC of CLI.md. */
  private JsonObject schema(String value) {
    String v = value.strip();
    if (v.isEmpty()) {
      throw CliException.usage(
          "--schema is empty; give a JSON Schema file, inline JSON ({...}), or fields such as"
              + " 'name, born int'");
    }
    if (v.startsWith("{")) {
      try {
        return SchemaRefs.local(Json.parseObject(v));
      } catch (Json.InvalidJsonException e) {
        throw CliException.input("--schema: " + e.getMessage());
      }
    }
    Path path = Path.of(v);
    if (Files.isDirectory(path)) {
      throw CliException.input("--schema " + v + " is a directory, not a JSON Schema file");
    }
    if (Files.exists(path) || v.endsWith(".json") || v.contains("/")) {
      return SchemaRefs.local(readJson(v, "--schema"));
    }
    return SchemaSpec.parse(v);
  }

  private static void applyCache(MessagesRequest.Builder b, String ttl) {
    CacheControl cc;
    try {
      cc = CacheControl.ephemeral(ttl);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--cache-ttl must be 5m or 1h, got " + ttl);
    }
    List<ContentBlock.Text> system = new ArrayList<>(b.system());
    if (!system.isEmpty()) {
      int i = system.size() - 1;
      system.set(i, system.get(i).withCacheControl(cc));
      b.system(system);
    }
    List<MessageParam> msgs = b.messages();
    for (int m = msgs.size() - 1; m >= 0; m--) {
      if (msgs.get(m).role().equals("user") && !msgs.get(m).content().isEmpty()) {
        List<ContentBlock> content = new ArrayList<>(msgs.get(m).content());
        int i = content.size() - 1;
        content.set(i, withCache(content.get(i), cc));
        msgs.set(m, MessageParam.user(content));
        break;
      }
    }
  }

  private static ContentBlock withCache(ContentBlock block, CacheControl cc) {
    JsonObject json = block.toJson();
    json.add("cache_control", cc.toJson());
    return ContentBlock.fromJson(json);
  }

  private ContentBlock attachment(String a) {
    return attachment(a, "--attach");
  }

  private ContentBlock attachment(String a, String flag) {
    if (Attachments.isFileId(a)) {
      return Attachments.fromFileId(a, fileTypes.computeIfAbsent(a, fileType));
    }
    if (Attachments.isUrl(a)) {
      return Attachments.fromUrl(a);
    }
    byte[] bytes = readBytes(a, flag, true);
    if (bytes.length == 0) {
      throw CliException.input(
          flag + " " + (a.equals("-") ? "standard input" : a) + ": the file is empty");
    }
    ContentBlock block = Attachments.fromBytes(bytes, a.equals("-") ? "standard input" : a, true);
    if (block instanceof ContentBlock.Document && !a.equals("-")) {
      ContentBlock.Document d = (ContentBlock.Document) block;
      return new ContentBlock.Document(
          d.source(), Path.of(a).getFileName().toString(), null, null, null);
    }
    return block;
  }

  /** Loads a tool file; {@code command} is kept locally and stripped from the definition. */
  LocalTool loadTool(String path) {
    JsonObject o = readJson(path, "--tool");
    List<String> command = new ArrayList<>();
    if (o.has("command")) {
      var cmd = Json.arr(o, "command");
      if (cmd == null) {
        throw CliException.input("--tool " + path + ": command must be an array of strings");
      }
      for (var e : cmd) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
          throw CliException.input("--tool " + path + ": command must be an array of strings");
        }
        command.add(e.getAsString());
      }
      o.remove("command");
    }
    if (!o.has("type") && !o.has("input_schema")) {
      throw CliException.input(
          "--tool " + path + ": a tool needs an input_schema (a JSON Schema object)");
    }
    try {
      return new LocalTool(Tool.fromJson(o), command);
    } catch (IllegalArgumentException e) {
      throw CliException.input("--tool " + path + ": " + e.getMessage());
    }
  }

  private JsonObject readJson(String path, String flag) {
    String text = new String(readBytes(path, flag), StandardCharsets.UTF_8);
    String name = flag + " " + (path.equals("-") ? "standard input" : path);
    try {
      return Json.parseObject(text);
    } catch (Json.InvalidJsonException e) {
      throw CliException.input(name + " " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw CliException.input(name + ": " + e.getMessage());
    }
  }

  private byte[] readBytes(String path, String flag) {
    return readBytes(path, flag, false);
  }

  /**
   * A file's bytes, never more than the API takes. A FIFO or a device is refused with {@code
   * regularOnly} (an attachment: {@code /attach} of a FIFO would block chat), else read up to that
   * bound (process substitution, {@code <(…)}); opening a regular file never blocks.
   */
  private byte[] readBytes(String path, String flag, boolean regularOnly) {
    if (path.equals("-")) {
      if (stdinUsed) {
        throw CliException.usage(flag + " -: standard input was already used");
      }
      stdinUsed = true;
      return readAll();
    }
    long limit = AnthropicClient.MAX_REQUEST_BYTES;
    try {
      Path file = Path.of(path);
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (a.isRegularFile() && a.size() > limit) {
        throw overLimit(flag + " " + path + " is " + (a.size() >> 20) + " MB");
      }
      if (a.isDirectory()) {
        throw CliException.input(flag + ": " + path + " is a directory");
      }
      if (!a.isRegularFile() && regularOnly) {
        throw CliException.input(
            flag
                + " "
                + path
                + " is not a regular file (a FIFO, socket or device); give a file, or - for"
                + " standard input");
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes((int) limit + 1);
        if (bytes.length > limit) {
          throw overLimit(flag + " " + path + " gives more than " + (limit >> 20) + " MB");
        }
        return bytes;
      }
    } catch (NoSuchFileException e) {
      throw CliException.input(flag + ": no such file: " + path);
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw CliException.input(flag + ": cannot read " + path + ": " + e.getMessage());
    }
  }

  private static CliException overLimit(String what) {
    return CliException.usage(
        what
            + ", over the API's limit of "
            + (AnthropicClient.MAX_REQUEST_BYTES >> 20)
            + " MB for a whole request; nothing was sent");
  }

  /**
   * The bytes as text: refused (exit 2) when they are not UTF-8 or hold a NUL byte, as a binary
   * file does.
   */
  static String text(byte[] bytes, String what) {
    try {
      String s =
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      if (s.indexOf('\0') < 0) {
        return s;
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      // not UTF-8
    }
    throw CliException.input(what + " is not text (not UTF-8, or a NUL byte): a binary file?");
  }

  private byte[] readAll() {
    stdinUsed = true;
    try {
      // never more than the API takes: an oversized input is refused after limit + 1 bytes
      long limit = AnthropicClient.MAX_REQUEST_BYTES;
      byte[] bytes = ctx.stdin().readNBytes((int) limit + 1);
      if (bytes.length > limit) {
        throw CliException.usage(
            "standard input is over "
                + (limit >> 20)
                + " MB"
                + ", the API's limit for a whole request; nothing was sent");
      }
      return bytes;
    } catch (IOException e) {
      throw CliException.input("cannot read standard input: " + e.getMessage());
    }
  }

  private static int parseInt(String v, String source) {
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw CliException.usage(source + " must be an integer, got '" + v + "'");
    }
  }
}
