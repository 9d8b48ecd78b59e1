package com.anthropic.tool.cli;

import com.anthropic.tool.config.ConfigFile;
import com.anthropic.tool.config.XdgPaths;
import com.anthropic.tool.store.LogStore;
import com.anthropic.tool.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code logs}: the log of every exchange ({@code docs/logs.md}); alone, {@code logs list}. */
@Command(
    name = "logs",
    description =
        "The log of every messages, stream, tool-loop and chat exchange (SQLite): list, search,"
            + " show, usage, path, status, on, off, delete. Alone: the most recent exchanges.",
    subcommands = {
      LogsCommand.ListCmd.class,
      LogsCommand.Search.class,
      LogsCommand.Show.class,
      LogsCommand.UsageCmd.class,
      LogsCommand.PathCmd.class,
      LogsCommand.Status.class,
      LogsCommand.On.class,
      LogsCommand.Off.class,
      LogsCommand.Delete.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  anthropic logs",
      "  anthropic logs search monad",
      "  anthropic logs usage --since 7d --by model",
      "  sqlite3 \"$(anthropic logs path)\" 'select model, count(*) from responses group by 1'"
    })
final class LogsCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Spec CommandSpec spec;
  @Mixin Filter filter = new Filter();

  @Override
  public Integer call() {
    return list(this, filter, null);
  }

  /** The options of {@code list} and {@code search}. */
  static final class Filter {
    @Option(
        names = {"-n", "--count"},
        paramLabel = "N",
        description = "How many exchanges (default 10).")
    int count = 10;

    @Option(names = "--model", paramLabel = "MODEL", description = "Only this model's.")
    String model;

    @Option(names = "--cid", paramLabel = "ID", description = "Only this conversation's.")
    String cid;

    @Option(
        names = "--since",
        paramLabel = "WHEN",
        description = "Only since then: 7d, 12h, 30m, 2w or a date (2026-12-01).")
    String since;

    @Option(
        names = "--format",
        completionCandidates = Candidates.ListFormats.class,
        paramLabel = "FORMAT",
        description =
            "text (default): a block per exchange on a terminal, tab-separated lines when piped;"
                + " json: one array of the rows; jsonl: a row per line.")
    String format = "text";

    LogStore.Filter toStore() {
      if (count < 1) {
        throw CliException.usage("-n must be at least 1, got " + count);
      }
      return new LogStore.Filter(count, model, cid, since(since, Clock.systemUTC()));
    }
  }

  private static final Pattern AGO = Pattern.compile("(\\d{1,6})([mhdw])");

  /** {@code 7d}, {@code 12h}, {@code 30m}, {@code 2w}, a date or an instant; null for null. */
  static Instant since(String value, Clock clock) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    Matcher m = AGO.matcher(v);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      ChronoUnit unit =
          switch (m.group(2)) {
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            case "w" -> ChronoUnit.WEEKS;
            default -> ChronoUnit.DAYS;
          };
      return clock
          .instant()
          .minus(
              unit == ChronoUnit.WEEKS ? n * 7 : n,
              unit == ChronoUnit.WEEKS ? ChronoUnit.DAYS : unit);
    }
    try {
      return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(v);
      } catch (DateTimeParseException e2) {
        throw CliException.usage(
            "--since must be like 7d, 12h, 30m, 2w or a date (2026-12-01), got '" + value + "'");
      }
    }
  }

  CommandSupport support() {
    return new CommandSupport(root, spec);
  }

  static Path file(CommandSupport s) {
    return ExchangeLog.file(XdgPaths.from(s.ctx().env()));
  }

  /** Runs {@code work} on the opened log; its failures are one line, exit 1. */
  static <T> T withStore(CommandSupport s, Function<LogStore, T> work) {
    XdgPaths paths = XdgPaths.from(s.ctx().env());
    try (LogStore db =
        ExchangeLog.openNow(ExchangeLog.file(paths), paths.cache().resolve("native"))) {
      return work.apply(db);
    } catch (StoreException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage();
      throw new CliException(ExitCodes.FAILURE, "log_error", msg, e);
    }
  }

  static int list(LogsCommand logs, Filter f, String query) {
    CommandSupport s = logs.support();
    Formats.check(f.format, "text", "json", "jsonl");
    LogStore.Filter filter = f.toStore();
    List<Map<String, Object>> rows =
        withStore(
            s,
            db -> {
              if (query == null) {
                return db.list(filter);
              }
              try {
                return db.search(query, filter);
              } catch (StoreException e) {
                String why = String.valueOf(e.getMessage()).replaceFirst("^.*\\(([^)]*)\\)$", "$1");
                throw CliException.usage(
                    "QUERY is not an FTS5 query (" + why + "); quote a phrase as '\"a phrase\"'");
              }
            });
    LogsOutput.rows(s.out(), rows, f.format, s.ctx().stdoutIsTerminal());
    return ExitCodes.OK;
  }

  @Command(name = "list", description = "The most recent exchanges, newest first.")
  static final class ListCmd implements Callable<Integer> {
    @ParentCommand LogsCommand parent;
    @Mixin Filter filter = new Filter();

    @Override
    public Integer call() {
      return list(parent, filter, null);
    }
  }

  @Command(
      name = "search",
      description = "Exchanges whose prompt or answer match QUERY (FTS5 syntax), best first.")
  static final class Search implements Callable<Integer> {
    @ParentCommand LogsCommand parent;
    @Mixin Filter filter = new Filter();

    @Parameters(paramLabel = "QUERY", description = "Words, \"a phrase\", a* or a AND b.")
    String query;

    @Override
    public Integer call() {
      return list(parent, filter, query);
    }
  }

  @Command(name = "show", description = "One whole exchange (--format json: its row).")
  static final class Show implements Callable<Integer> {
    @ParentCommand LogsCommand parent;

    @Parameters(paramLabel = "ID", description = "The exchange's id (or its start).")
    String id;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    String format = "text";

    @Override
    public Integer call() {
      CommandSupport s = parent.support();
      Formats.check(format, "text", "json");
      Map<String, Object> row =
          withStore(s, db -> db.show(id))
              .orElseThrow(
                  () ->
                      new CliException(
                          ExitCodes.FAILURE, "not_found", "no exchange " + id + " in the log"));
      LogsOutput.show(s.out(), row, format.equals("json"), s.ctx().stdoutIsTerminal());
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "usage",
      description = "Calls, tokens and estimated cost per day or per model, from the log.")
  static final class UsageCmd implements Callable<Integer> {
    @ParentCommand LogsCommand parent;

    @Option(
        names = "--since",
        paramLabel = "WHEN",
        description = "Since then: 7d, 12h, 30m, 2w or a date (default: everything).")
    String since;

    @Option(names = "--by", paramLabel = "day|model", description = "day (default) or model.")
    String by = "day";

    @Option(
        names = "--format",
        completionCandidates = Candidates.ListFormats.class,
        paramLabel = "FORMAT",
        description = "text (default), json or jsonl.")
    String format = "text";

    @Override
    public Integer call() {
      CommandSupport s = parent.support();
      Formats.check(format, "text", "json", "jsonl");
      if (!by.equals("day") && !by.equals("model")) {
        throw CliException.usage("--by must be day or model, got '" + by + "'");
      }
      Instant from = since(since, Clock.systemUTC());
      List<Map<String, Object>> rows = withStore(s, db -> db.usage(from, by.equals("model")));
      LogsOutput.usage(s.out(), rows, by, format, s.ctx().stdoutIsTerminal());
      return ExitCodes.OK;
    }
  }

  @Command(name = "path", description = "Print the log database's path.")
  static final class PathCmd implements Callable<Integer> {
    @ParentCommand LogsCommand parent;

    @Override
    public Integer call() {
      CommandSupport s = parent.support();
      s.out().println(file(s));
      s.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "status",
      description = "Whether logging is on, and the log's rows, conversations and size.")
  static final class Status implements Callable<Integer> {
    @ParentCommand LogsCommand parent;

    @Override
    public Integer call() {
      CommandSupport s = parent.support();
      boolean off = ExchangeLog.offInConfig(s.settings());
      Path f = file(s);
      s.out().println("logging: " + (off ? "off" : "on"));
      s.out().println("path: " + f);
      if (Files.exists(f)) {
        Map<String, Object> counts = withStore(s, LogStore::counts);
        s.out().println("rows: " + counts.get("rows"));
        s.out().println("conversations: " + counts.get("conversations"));
        long size = 0;
        for (String suffix : List.of("", "-wal", "-shm")) {
          Path p = Path.of(f + suffix);
          try {
            size += Files.isRegularFile(p) ? Files.size(p) : 0;
          } catch (java.io.IOException e) {
            // a size we cannot read counts as none
          }
        }
        s.out().println("size: " + size + " bytes");
      } else {
        s.out().println("rows: 0");
      }
      s.out().flush();
      return ExitCodes.OK;
    }
  }

  static int setLogging(LogsCommand parent, String value) {
    CommandSupport s = parent.support();
    ConfigFile f = ConfigCommand.read(parent.root);
    f.set("log", value);
    ConfigCommand.write(f);
    s.err().println("logging is " + value + " (log=" + value + " in " + f.path() + ")");
    s.err().flush();
    return ExitCodes.OK;
  }

  @Command(name = "on", description = "Log every exchange (the default).")
  static final class On implements Callable<Integer> {
    @ParentCommand LogsCommand parent;

    @Override
    public Integer call() {
      return setLogging(parent, "on");
    }
  }

  @Command(name = "off", description = "Stop logging exchanges (config set log off).")
  static final class Off implements Callable<Integer> {
    @ParentCommand LogsCommand parent;

    @Override
    public Integer call() {
      return setLogging(parent, "off");
    }
  }

  @Command(name = "delete", description = "Delete one exchange, or a whole conversation (--cid).")
  static final class Delete implements Callable<Integer> {
    @ParentCommand LogsCommand parent;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
      @Parameters(paramLabel = "ID", description = "The exchange's id (or its start).")
      String id;

      @Option(names = "--cid", paramLabel = "ID", description = "Delete this conversation.")
      String cid;
    }

    @Override
    public Integer call() {
      CommandSupport s = parent.support();
      int n =
          withStore(
              s,
              db -> target.cid != null ? db.deleteConversation(target.cid) : db.delete(target.id));
      if (n == 0 && target.id != null) {
        throw new CliException(
            ExitCodes.FAILURE, "not_found", "no exchange " + target.id + " in the log");
      }
      s.err().println("deleted " + n + (n == 1 ? " exchange" : " exchanges"));
      s.err().flush();
      return ExitCodes.OK;
    }
  }
}
