package com.anthropic.tool.cli;

import com.anthropic.tool.client.Batches;
import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.model.BatchRequest;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.Json;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads and validates batch requests before anything is sent: JSONL ({@code --input}) or one prompt
 * per line ({@code --prompts}). Every problem names its line; all are reported at once.
 */
final class BatchInput {
  private static final int MAX_LISTED = 20;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Long> seen = new HashMap<>();
  private final List<BatchRequest> requests = new ArrayList<>();

  /** Parses a JSONL file of {@code {"custom_id":..,"params":{..}}} lines. */
  static List<BatchRequest> jsonl(InputStream in, String name, PrintWriter err) {
    BatchInput b = new BatchInput();
    b.readLines(in, name, (line, n) -> b.jsonLine(line, n));
    return b.finish(name, err);
  }

  /**
   * Parses one prompt per line; {@code template} turns a prompt into params JSON. A line {@code
   * ID<TAB>prompt} whose ID is a valid custom id sets it; otherwise the id is {@code line-N}.
   */
  static List<BatchRequest> prompts(
      InputStream in, String name, Function<String, MessagesRequest> template, PrintWriter err) {
    BatchInput b = new BatchInput();
    b.readLines(
        in,
        name,
        (line, n) -> {
          String id = "line-" + n;
          String prompt = line;
          int tab = line.indexOf('\t');
          if (tab > 0 && BatchRequest.CUSTOM_ID.matcher(line.substring(0, tab)).matches()) {
            id = line.substring(0, tab);
            prompt = line.substring(tab + 1);
          }
          if (prompt.isBlank()) {
            b.problem(n, "the prompt is empty");
            return;
          }
          if (b.checkId(id, n)) {
            b.requests.add(BatchRequest.of(id, template.apply(prompt)));
          }
        });
    return b.finish(name, err);
  }

  /**
   * The request for each prompt: {@code template} (built by {@link RequestFactory} from the request
   * options with the single prompt word {@code word}) with {@code word} in its prompt block, the
   * last block of the last user turn where the factory puts the prompt words, replaced by the
   * prompt. Attachments, piped documents, options and cache marks stay as the factory made them.
   */
  static Function<String, MessagesRequest> template(MessagesRequest template, String word) {
    List<MessageParam> messages = template.messages();
    MessageParam last = messages.get(messages.size() - 1);
    List<ContentBlock> turn = last.content();
    if (!last.role().equals("user")
        || turn.isEmpty()
        || !(turn.get(turn.size() - 1) instanceof ContentBlock.Text words)
        || !words.text().contains(word)) {
      throw new IllegalStateException("the prompt is not the last block of the last user turn");
    }
    // the words alone, or inside a template's prompt (where they fill $input)
    int at = words.text().indexOf(word);
    String before = words.text().substring(0, at);
    String after = words.text().substring(at + word.length());
    return prompt -> {
      List<ContentBlock> content = new ArrayList<>(turn);
      content.set(
          content.size() - 1,
          ContentBlock.Text.of(before + prompt + after).withCacheControl(words.cacheControl()));
      List<MessageParam> withPrompt = new ArrayList<>(messages);
      withPrompt.set(withPrompt.size() - 1, MessageParam.user(content));
      return template.toBuilder().messages(withPrompt).build();
    };
  }

  private interface LineHandler {
    void accept(String line, long number);
  }

  private void readLines(InputStream in, String name, LineHandler handler) {
    long n = 0;
    // a strict decoder: a binary file is refused, never sent as mojibake
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()), 1 << 16)) {
      String line;
      while ((line = r.readLine()) != null) {
        n++;
        if (n == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.indexOf('\0') >= 0) {
          throw notText(name, n);
        }
        if (!line.isBlank()) {
          handler.accept(line, n);
        }
      }
    } catch (java.nio.charset.CharacterCodingException e) {
      throw notText(name, n + 1);
    } catch (IOException e) {
      throw CliException.input("cannot read " + name + ": " + e.getMessage());
    }
  }

  private static CliException notText(String name, long line) {
    return CliException.input(
        name + " line " + line + " is not text (not UTF-8, or a NUL byte): a binary file?");
  }

  private void jsonLine(String line, long n) {
    JsonObject o;
    try {
      o = Json.parseObject(line);
    } catch (Json.InvalidJsonException e) {
      problems.add("line " + n + ", " + e.withoutLine());
      return;
    } catch (IllegalArgumentException e) {
      problem(n, e.getMessage());
      return;
    }
    JsonElement idEl = o.get("custom_id");
    if (idEl == null || !idEl.isJsonPrimitive() || !idEl.getAsJsonPrimitive().isString()) {
      problem(n, "custom_id is missing or not a string");
      return;
    }
    String id = idEl.getAsString();
    for (String key : o.keySet()) {
      if (!key.equals("custom_id") && !key.equals("params")) {
        problem(n, "unknown field '" + key + "' (a line has only custom_id and params)");
        return;
      }
    }
    JsonObject params = Json.obj(o, "params");
    if (params == null) {
      problem(n, "params is missing or not an object");
      return;
    }
    try {
      MessagesRequest req = MessagesRequest.fromJson(params).build();
      if (req.stream()) {
        problem(n, "params.stream must not be true in a batch");
        return;
      }
    } catch (InvalidRequestException
        | IllegalArgumentException
        | IllegalStateException
        | ClassCastException
        | UnsupportedOperationException e) {
      problem(n, "params: " + e.getMessage());
      return;
    }
    if (checkId(id, n)) {
      requests.add(BatchRequest.of(id, params));
    }
  }

  private boolean checkId(String id, long n) {
    try {
      BatchRequest.checkCustomId(id);
    } catch (InvalidRequestException e) {
      problem(n, e.getMessage());
      return false;
    }
    Long first = seen.putIfAbsent(id, n);
    if (first != null) {
      problem(n, "custom_id '" + id + "' is already used on line " + first);
      return false;
    }
    return true;
  }

  private void problem(long line, String message) {
    problems.add("line " + line + ": " + message);
  }

  private List<BatchRequest> finish(String name, PrintWriter err) {
    if (!problems.isEmpty()) {
      if (problems.size() > 1) {
        for (int i = 0; i < Math.min(problems.size(), MAX_LISTED); i++) {
          err.println("invalid: " + name + " " + problems.get(i));
        }
        if (problems.size() > MAX_LISTED) {
          err.println("invalid: " + name + " ... and " + (problems.size() - MAX_LISTED) + " more");
        }
      }
      throw CliException.input(
          name
              + " "
              + problems.get(0)
              + (problems.size() > 1 ? " (" + problems.size() + " invalid lines in all)" : "")
              + "; nothing was sent");
    }
    if (requests.isEmpty()) {
      throw CliException.input(name + ": no requests (the input is empty)");
    }
    return requests;
  }

  /** Opens FILE or stdin for {@code -}. */
  static InputStream open(String path, String flag, CliContext ctx) {
    if (path.equals("-")) {
      return ctx.stdin();
    }
    if (Files.isDirectory(Path.of(path))) {
      throw CliException.input(flag + ": " + path + " is a directory, not a file");
    }
    try {
      return Files.newInputStream(Path.of(path));
    } catch (NoSuchFileException e) {
      throw CliException.input(flag + ": no such file: " + path);
    } catch (IOException e) {
      throw CliException.input(flag + ": cannot read " + path + ": " + e.getMessage());
    }
  }

  /**
   * Splits requests into groups within the API's limits ({@link Batches#partition}).
   *
   * @param split false: more than one group is an error that says how to split
   */
  static List<List<BatchRequest>> groups(List<BatchRequest> all, boolean split, int maxCount) {
    List<List<BatchRequest>> groups;
    try {
      groups = Batches.partition(all, maxCount, Batches.MAX_BYTES);
    } catch (InvalidRequestException e) {
      throw CliException.input(e.getMessage());
    }
    if (groups.size() > 1 && !split) {
      throw CliException.input(
          all.size()
              + " requests exceed the API limit of one batch ("
              + String.format(java.util.Locale.ROOT, "%,d", Batches.MAX_REQUESTS)
              + " requests or "
              + (Batches.MAX_BYTES >> 20)
              + " MB); pass --split to create "
              + groups.size()
              + " batches");
    }
    return groups;
  }
}
