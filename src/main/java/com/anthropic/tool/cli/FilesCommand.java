package com.anthropic.tool.cli;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.FileContent;
import com.anthropic.tool.client.model.FileMetadata;
import com.anthropic.tool.client.model.Json;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code files}: the Files API (beta {@code files-api-2025-04-14} on every call). */
@Command(
    name = "files",
    description = "Upload files once and refer to them by id (the Files API, beta).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  id=$(anthropic files upload report.pdf)",
      "  anthropic messages -a \"$id\" \"Summarise section 2\"",
      "  anthropic files list --all"
    },
    subcommands = {
      FilesCommand.Upload.class,
      FilesCommand.ListCmd.class,
      FilesCommand.Get.class,
      FilesCommand.Download.class,
      FilesCommand.Delete.class
    })
final class FilesCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing verb: upload, list, get, download or delete");
  }

  /** One tab-separated line: id, filename, mime type, size, created_at. */
  static String line(FileMetadata f) {
    return String.join(
        "\t",
        ResourceOutput.orDash(f.id()),
        ResourceOutput.orDash(f.filename()),
        ResourceOutput.orDash(f.mimeType()),
        f.sizeBytes() < 0 ? "-" : Long.toString(f.sizeBytes()),
        ResourceOutput.orDash(f.createdAt()));
  }

  private static void print(CommandSupport s, FileMetadata f, boolean json) {
    if (json) {
      s.out().println(Json.write(f.raw()));
    } else {
      s.out().println(line(f));
    }
  }

  /** {@code files upload FILE}. */
  @Command(
      name = "upload",
      description =
          "Upload a file (POST /v1/files); prints its id. The type comes from its content.",
      footerHeading = "%nExamples:%n",
      footer = {
        "  anthropic files upload paper.pdf",
        "  anthropic files upload chart.png --format json | jq .size_bytes"
      })
  static final class Upload implements Callable<Integer> {
    @ParentCommand FilesCommand parent;
    @Spec CommandSpec spec;
    @Mixin BatchFormatOption format;

    @Parameters(paramLabel = "FILE", description = "The file to upload.")
    Path file;

    @Override
    public Integer call() {
      CommandSupport s = new CommandSupport(parent.root, spec);
      boolean json = format.json();
      long size;
      String mime;
      try {
        size = com.anthropic.tool.client.Files.regularFileSize(file);
        if (size > com.anthropic.tool.client.Files.MAX_UPLOAD_BYTES) {
          throw CliException.input(
              file
                  + " is "
                  + size
                  + " bytes, over the Files API's limit of "
                  + com.anthropic.tool.client.Files.MAX_UPLOAD_BYTES
                  + " bytes (500 MB); nothing was sent");
        }
        mime = Attachments.mimeTypeOfStart(head(file));
      } catch (com.anthropic.tool.client.error.InvalidRequestException e) {
        throw CliException.input(e.getMessage());
      } catch (IOException e) {
        throw CliException.input("cannot read " + file + ": " + e.getMessage());
      }
      if (size == 0) {
        throw CliException.input(file + ": the file is empty; nothing was sent");
      }
      String name = file.getFileName() == null ? "file" : file.getFileName().toString();
      try (AnthropicClient client = s.client()) {
        FileMetadata f;
        try (TransferProgress progress = TransferProgress.of(s, "uploading " + name, size)) {
          f = client.files().upload(name, mime, file, progress::update);
        }
        if (json) {
          print(s, f, true);
        } else {
          s.out().println(f.id());
        }
      }
      return ExitCodes.OK;
    }
  }

  /** The first bytes of a regular file, enough to tell its type. */
  static byte[] head(Path file) throws IOException {
    try (var in = java.nio.file.Files.newInputStream(file)) {
      return in.readNBytes(Attachments.SNIFF_BYTES);
    }
  }

  /** {@code files list}. */
  @Command(
      name = "list",
      description = "List uploaded files, newest first (GET /v1/files).",
      footerHeading = "%nExamples:%n",
      footer = {"  anthropic files list --limit 5", "  anthropic files list --all | cut -f1"})
  static final class ListCmd implements Callable<Integer> {
    @ParentCommand FilesCommand parent;
    @Spec CommandSpec spec;
    @Mixin ListOptions list;

    @Override
    public Integer call() {
      CommandSupport s = new CommandSupport(parent.root, spec);
      ResourceOutput out = list.output(s);
      try (AnthropicClient client = s.client()) {
        list.print(s, out, client.files()::listAll, client.files()::list, ResourceOutput::file);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code files get ID}. */
  @Command(
      name = "get",
      description = "Show a file's metadata (GET /v1/files/{id}).",
      footerHeading = "%nExamples:%n",
      footer = {"  anthropic files get file_011CNha8iCJcU1wXNR6q4V8w --format json"})
  static final class Get implements Callable<Integer> {
    @ParentCommand FilesCommand parent;
    @Spec CommandSpec spec;
    @Mixin BatchFormatOption format;

    @Parameters(paramLabel = "ID", description = "File id.")
    String id;

    @Override
    public Integer call() {
      CommandSupport s = new CommandSupport(parent.root, spec);
      boolean json = format.json();
      try (AnthropicClient client = s.client()) {
        print(s, client.files().get(id), json);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code files download ID [--output FILE]}. */
  @Command(
      name = "download",
      description =
          "Download a file's content (GET /v1/files/{id}/content) to stdout or a file, in"
              + " constant memory.",
      footerHeading = "%nExamples:%n",
      footer = {
        "  anthropic files download file_011CNha8iCJcU1wXNR6q4V8w --output result.csv",
        "  anthropic files download file_011CNha8iCJcU1wXNR6q4V8w | head -c 100"
      })
  static final class Download implements Callable<Integer> {
    @ParentCommand FilesCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "File id.")
    String id;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write to FILE (renamed into place only when the download is complete).")
    Path output;

    @Override
    public Integer call() {
      CommandSupport s = new CommandSupport(parent.root, spec);
      OutputFile target = output == null ? null : OutputFile.check(s, "--output", output);
      try (AnthropicClient client = s.client();
          FileContent content = client.files().download(id)) {
        if (target != null) {
          long total = content.contentLength().orElse(-1L);
          try (TransferProgress progress = TransferProgress.of(s, "downloading " + id, total)) {
            target.write(out -> content.transferTo(progress.counting(out)));
          }
          return ExitCodes.OK;
        }
        s.out().flush();
        OutputStream raw = s.ctx().stdout();
        OutputStream out =
            new BufferedOutputStream(raw != null ? raw : new WriterStream(s.out()), 1 << 16);
        try {
          content.transferTo(out);
          out.flush();
        } catch (IOException closedStdout) {
          return ExitCodes.OK; // stdout closed (piped into head): closing cancels the download
        }
      }
      return ExitCodes.OK;
    }
  }

  /** {@code files delete ID}. */
  @Command(
      name = "delete",
      description = "Delete a file (DELETE /v1/files/{id}).",
      footerHeading = "%nExamples:%n",
      footer = {"  anthropic files delete file_011CNha8iCJcU1wXNR6q4V8w"})
  static final class Delete implements Callable<Integer> {
    @ParentCommand FilesCommand parent;
    @Spec CommandSpec spec;
    @Mixin BatchFormatOption format;

    @Parameters(paramLabel = "ID", description = "File id.")
    String id;

    @Override
    public Integer call() {
      CommandSupport s = new CommandSupport(parent.root, spec);
      boolean json = format.json();
      try (AnthropicClient client = s.client()) {
        var answer = client.files().delete(id);
        if (json) {
          s.out().println(Json.write(answer));
        } else {
          String deleted = Json.str(answer, "id");
          s.out().println((deleted == null ? id : deleted) + "\tdeleted");
        }
      }
      return ExitCodes.OK;
    }
  }
}
