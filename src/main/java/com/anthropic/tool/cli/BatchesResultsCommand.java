package com.anthropic.tool.cli;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.BatchResults;
import com.anthropic.tool.client.model.BatchResult;
import com.anthropic.tool.client.model.Json;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code batches results ID}: streams the results JSONL, one result per line, in constant memory.
 * Without a filter the lines are copied through byte for byte (framing checked, not re-encoded). On
 * stdout each line is written out as soon as the download would wait; with {@code --output}, see
 * {@link OutputFile}.
 */
@Command(
    name = "results",
    description =
        "Download a batch's results as JSONL (one result per line, in order) to stdout or a file.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  anthropic batches results msgbatch_01AbC --output results.jsonl",
      "  anthropic batches results msgbatch_01AbC --text",
      "  anthropic batches results msgbatch_01AbC --only errored | jq .result.error"
    })
final class BatchesResultsCommand implements Callable<Integer> {
  private static final List<String> TYPES = List.of("succeeded", "errored", "canceled", "expired");

  @ParentCommand BatchesCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "Batch id.")
  String id;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE (renamed into place only when the download is complete).")
  Path output;

  @Option(
      names = "--only",
      completionCandidates = Candidates.ResultTypes.class,
      paramLabel = "TYPE",
      description = "Only results of this type: succeeded, errored, canceled or expired.")
  String only;

  @Option(
      names = "--text",
      description =
          "For succeeded results print custom_id<TAB>text (\\n, \\t and \\\\ escaped), one a line;"
              + " a JSON answer (a --schema batch) as compact JSON.")
  boolean text;

  @Option(
      names = "--answers",
      description =
          "Print only the answers of succeeded results, one a line, in order: for a --schema"
              + " batch, one JSON value per line (JSONL).")
  boolean answers;

  @Override
  public Integer call() {
    CommandSupport s = new CommandSupport(parent.root, spec);
    if (only != null && !TYPES.contains(only)) {
      throw CliException.usage(
          "--only must be one of " + String.join(", ", TYPES) + ", got '" + only + "'");
    }
    if (text && answers) {
      throw CliException.usage("give --text or --answers, not both");
    }
    if ((text || answers) && only != null && !only.equals("succeeded")) {
      throw CliException.usage(
          (text ? "--text" : "--answers") + " prints succeeded results only; drop --only " + only);
    }
    OutputFile file = output == null ? null : OutputFile.check(s, "--output", output);
    try (AnthropicClient client = s.client();
        BatchResults results = client.batches().results(id)) {
      if (file != null) {
        try (TransferProgress progress = TransferProgress.of(s, "downloading results", -1)) {
          file.write(out -> copy(results, progress.counting(out)));
        }
        return ExitCodes.OK;
      }
      toStdout(s, results);
    }
    return ExitCodes.OK;
  }

  /**
   * Copies to stdout, writing out what has arrived whenever the download would wait; a closed
   * stdout stops the download (closing the results cancels the exchange) and ends quietly.
   */
  private void toStdout(CommandSupport s, BatchResults results) {
    PrintWriter writer = s.out();
    writer.flush();
    OutputStream raw = s.ctx().stdout();
    OutputStream out =
        new BufferedOutputStream(raw != null ? raw : new WriterStream(writer), 1 << 16);
    boolean[] gone = {false};
    results.onIdle(
        () -> {
          try {
            out.flush();
          } catch (IOException closedStdout) {
            gone[0] = true;
            results.close();
          }
        });
    try {
      copy(results, out);
      if (!gone[0]) {
        out.flush();
      }
    } catch (IOException closedStdout) {
      // stdout closed (e.g. piped into head): stop quietly; closing results cancels the download
    }
  }

  /** Copies the results; IOExceptions are from writing (reading failures are typed). */
  private void copy(BatchResults results, OutputStream out) throws IOException {
    if (only == null && !text && !answers) {
      results.copyTo(out);
      return;
    }
    while (results.nextLine()) {
      BatchResult r = results.lineResult();
      if (text || answers) {
        if (r instanceof BatchResult.Succeeded ok) {
          String answer = oneLine(ok.message().text());
          String line = text ? r.customId() + '\t' + answer + '\n' : answer + '\n';
          out.write(line.getBytes(StandardCharsets.UTF_8));
        }
      } else if (r.type().equals(only)) {
        results.writeLineTo(out);
      }
    }
  }

  /**
   * An answer on one line: a JSON object or array (what a --schema request answers) re-encoded
   * compactly, so the line is JSON; any other text with {@code \\n}, {@code \\t}, {@code \\r} and
   * {@code \\\\} escaped.
   */
  static String oneLine(String text) {
    String t = text.strip();
    if (t.startsWith("{") || t.startsWith("[")) {
      try {
        return Json.write(JsonParser.parseString(t));
      } catch (JsonParseException notJson) {
        // plain text that happens to start with a bracket
      }
    }
    return escape(text);
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }
}
