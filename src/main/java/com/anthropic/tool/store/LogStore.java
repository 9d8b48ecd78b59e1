package com.anthropic.tool.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The log database: one SQLite file (WAL mode, so several processes write at once), its schema made
 * and upgraded by {@link Migrations}. Every method throws {@link StoreException} with a sentence
 * when the database cannot be used.
 */
public final class LogStore implements AutoCloseable {
  /** How long a write waits for another process's write to finish. */
  static final int BUSY_TIMEOUT_MS = 3000;

  private static final Set<PosixFilePermission> FILE_MODE =
      PosixFilePermissions.fromString("rw-------");

  private final Path file;
  private final Connection c;

  private LogStore(Path file, Connection c) {
    this.file = file;
    this.c = c;
  }

  /**
   * Opens (creating when absent) the database {@code file}, whose directory the caller made
   * private; {@code nativeCache} is where the SQLite library is unpacked once (null: sqlite-jdbc's
   * default).
   */
  public static LogStore open(Path file, Path nativeCache) {
    NativeLib.prepare(nativeCache);
    try {
      if (!Files.exists(file)) {
        try {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE_MODE));
        } catch (java.nio.file.FileAlreadyExistsException raced) {
          // another process made it
        } catch (UnsupportedOperationException notPosix) {
          Files.createFile(file);
        }
      } else {
        tighten(file);
      }
    } catch (IOException e) {
      throw new StoreException("cannot create " + file + ": " + reason(e), e);
    }
    Connection conn;
    try {
      Properties p = new Properties();
      conn = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file, p);
      if (conn == null) {
        throw new StoreException("cannot open " + file);
      }
    } catch (SQLException | LinkageError e) {
      throw new StoreException("cannot open " + file + ": " + reason(e), e);
    }
    try {
      try (Statement s = conn.createStatement()) {
        s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA foreign_keys = ON");
      }
      Migrations.run(conn);
      return new LogStore(file, conn);
    } catch (SQLException | RuntimeException e) {
      try {
        conn.close();
      } catch (SQLException ignored) {
        // the first failure is the one to report
      }
      if (e instanceof StoreException se) {
        throw se;
      }
      throw new StoreException(file + ": " + reason(e), e);
    }
  }

  private static void tighten(Path p) throws IOException {
    try {
      Set<PosixFilePermission> now = Files.getPosixFilePermissions(p);
      if (!FILE_MODE.containsAll(now)) {
        Files.setPosixFilePermissions(p, FILE_MODE);
      }
    } catch (UnsupportedOperationException notPosix) {
      // nothing to tighten
    }
  }

  static String reason(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      return e.getClass().getSimpleName();
    }
    // sqlite-jdbc: "[SQLITE_NOTADB] File opened that is not a database file (file is not a
    // database)"
    return m.replace('\n', ' ');
  }

  public Path file() {
    return file;
  }

  // ---- writing

  /** Records one exchange (and its conversation, when new) in one transaction. */
  public void record(Exchange e) {
    write(
        () -> {
          upsertConversation(e);
          insertResponse(e);
          insertToolCalls(e);
          insertAttachments(e);
        });
  }

  private interface SqlWork {
    void run() throws SQLException;
  }

  private void write(SqlWork work) {
    try (Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      try {
        work.run();
        s.execute("COMMIT");
      } catch (SQLException | RuntimeException ex) {
        s.execute("ROLLBACK");
        throw ex;
      }
    } catch (SQLException ex) {
      throw new StoreException(file + ": " + reason(ex), ex);
    }
  }

  private void upsertConversation(Exchange e) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO conversations(id, created_utc, command, model, system, source)"
                + " VALUES (?, ?, ?, ?, ?, NULL)"
                + " ON CONFLICT(id) DO UPDATE SET model = excluded.model,"
                + " system = excluded.system")) {
      p.setString(1, e.conversationId());
      p.setString(2, e.when().toString());
      p.setString(3, e.command());
      p.setString(4, e.model());
      p.setString(5, e.system());
      p.executeUpdate();
    }
  }

  private void insertResponse(Exchange e) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO responses(id, conversation_id, datetime_utc, command, model, system,"
                + " prompt, response, input_tokens, output_tokens, cache_creation_input_tokens,"
                + " cache_read_input_tokens, cost_usd, duration_ms, stop_reason, request_id,"
                + " error, status, turns_json) VALUES"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int i = 1;
      p.setString(i++, e.id());
      p.setString(i++, e.conversationId());
      p.setString(i++, e.when().toString());
      p.setString(i++, e.command());
      p.setString(i++, e.model());
      p.setString(i++, e.system());
      p.setString(i++, e.prompt());
      p.setString(i++, e.response());
      setLong(p, i++, e.usage().input());
      setLong(p, i++, e.usage().output());
      setLong(p, i++, e.usage().cacheCreation());
      setLong(p, i++, e.usage().cacheRead());
      if (e.costUsd() == null) {
        p.setNull(i++, Types.REAL);
      } else {
        p.setDouble(i++, e.costUsd());
      }
      setLong(p, i++, e.durationMs());
      p.setString(i++, e.stopReason());
      p.setString(i++, e.requestId());
      p.setString(i++, e.error());
      setLong(p, i++, e.status() == null ? null : e.status().longValue());
      p.setString(i, Turns.toJson(e.turns()));
      p.executeUpdate();
    }
  }

  private void insertToolCalls(Exchange e) throws SQLException {
    if (e.toolCalls().isEmpty()) {
      return;
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO tool_calls(response_id, tool_use_id, name, input, output, is_error)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Exchange.ToolCallRecord t : e.toolCalls()) {
        p.setString(1, e.id());
        p.setString(2, t.toolUseId());
        p.setString(3, t.name());
        p.setString(4, t.input());
        p.setString(5, t.output());
        p.setInt(6, t.isError() ? 1 : 0);
        p.executeUpdate();
      }
    }
  }

  private void insertAttachments(Exchange e) throws SQLException {
    if (e.attachments().isEmpty()) {
      return;
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO attachments(response_id, path, file_id, url, media_type, size, sha256)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Exchange.AttachmentRef a : e.attachments()) {
        p.setString(1, e.id());
        p.setString(2, a.path());
        p.setString(3, a.fileId());
        p.setString(4, a.url());
        p.setString(5, a.mediaType());
        setLong(p, 6, a.size());
        p.setString(7, a.sha256());
        p.executeUpdate();
      }
    }
  }

  private static void setLong(PreparedStatement p, int i, Long v) throws SQLException {
    if (v == null) {
      p.setNull(i, Types.INTEGER);
    } else {
      p.setLong(i, v);
    }
  }

  /** Deletes these exchanges (a chat's {@code /undo}); returns how many went. */
  public int deleteResponses(Collection<String> ids) {
    int[] n = {0};
    write(
        () -> {
          try (PreparedStatement p = c.prepareStatement("DELETE FROM responses WHERE id = ?")) {
            for (String id : ids) {
              p.setString(1, id);
              n[0] += p.executeUpdate();
            }
          }
        });
    return n[0];
  }

  /** Deletes one exchange by id (or a unique start of one); returns how many rows went. */
  public int delete(String id) {
    String full = resolveId(id).orElse(null);
    if (full == null) {
      return 0;
    }
    return deleteResponses(List.of(full));
  }

  /** Deletes a conversation and its exchanges; returns how many exchanges went. */
  public int deleteConversation(String cid) {
    int[] n = {0};
    write(
        () -> {
          try (PreparedStatement p =
              c.prepareStatement("DELETE FROM responses WHERE conversation_id = ?")) {
            p.setString(1, cid);
            n[0] = p.executeUpdate();
          }
          try (PreparedStatement p = c.prepareStatement("DELETE FROM conversations WHERE id = ?")) {
            p.setString(1, cid);
            p.executeUpdate();
          }
        });
    return n[0];
  }

  /** Records that {@code source} (an old conversation file) was imported as {@code cid}. */
  public boolean importOnce(String source, Exchange... exchanges) {
    boolean[] done = {false};
    write(
        () -> {
          try (PreparedStatement p =
              c.prepareStatement(
                  "INSERT OR IGNORE INTO imports(source, conversation_id, imported_utc)"
                      + " VALUES (?, ?, ?)")) {
            p.setString(1, source);
            p.setString(2, exchanges.length == 0 ? null : exchanges[0].conversationId());
            p.setString(3, Instant.now().toString());
            if (p.executeUpdate() == 0) {
              return; // imported before
            }
          }
          for (Exchange e : exchanges) {
            upsertConversation(e);
            insertResponse(e);
          }
          done[0] = true;
        });
    return done[0];
  }

  /** Whether {@code source} was imported already. */
  public boolean imported(String source) {
    return !query("SELECT 1 FROM imports WHERE source = ?", List.of(source)).isEmpty();
  }

  /** The model and system prompt the next exchange of a chat uses. */
  public void updateConversation(String cid, String model, String system) {
    write(
        () -> {
          try (PreparedStatement p =
              c.prepareStatement("UPDATE conversations SET model = ?, system = ? WHERE id = ?")) {
            p.setString(1, model);
            p.setString(2, system);
            p.setString(3, cid);
            p.executeUpdate();
          }
        });
  }

  // ---- reading

  /** The conversation of the most recent exchange that added turns. */
  public Optional<String> latestConversationId() {
    List<Map<String, Object>> r =
        query(
            "SELECT conversation_id FROM responses WHERE turns_json <> '[]'"
                + " ORDER BY id DESC LIMIT 1",
            List.of());
    return r.isEmpty() ? Optional.empty() : Optional.of((String) r.get(0).get("conversation_id"));
  }

  /** A conversation's id from its id or a unique start of it. */
  public Optional<String> resolveConversation(String idOrPrefix) {
    List<Map<String, Object>> r =
        query(
            "SELECT id FROM conversations WHERE id = ? OR substr(id, 1, length(?)) = ?"
                + " ORDER BY id = ? DESC LIMIT 2",
            List.of(idOrPrefix, idOrPrefix, idOrPrefix, idOrPrefix));
    if (r.isEmpty()) {
      return Optional.empty();
    }
    if (r.size() > 1 && !idOrPrefix.equals(r.get(0).get("id"))) {
      throw new StoreException(idOrPrefix + " matches several conversations; give more of the id");
    }
    return Optional.of((String) r.get(0).get("id"));
  }

  /**
   * A whole conversation.
   *
   * @throws StoreException naming it when it is not there or one of its exchanges cannot be read
   */
  public StoredConversation conversation(String cid) {
    List<Map<String, Object>> head =
        query(
            "SELECT id, created_utc, model, system FROM conversations WHERE id = ?", List.of(cid));
    if (head.isEmpty()) {
      throw new StoreException("no conversation " + cid + " in the log");
    }
    Map<String, Object> h = head.get(0);
    List<StoredConversation.Turn> turns = new ArrayList<>();
    String model = (String) h.get("model");
    String system = (String) h.get("system");
    for (Map<String, Object> r :
        query(
            "SELECT id, prompt, response, model, system, turns_json FROM responses"
                + " WHERE conversation_id = ? ORDER BY id",
            List.of(cid))) {
      List<com.anthropic.tool.client.model.MessageParam> t;
      try {
        t = Turns.fromJson(String.valueOf(r.get("turns_json")));
      } catch (RuntimeException e) {
        throw new StoreException(
            "conversation "
                + cid
                + " cannot be read: exchange "
                + r.get("id")
                + " has damaged turns ("
                + reason(e)
                + ")",
            e);
      }
      if (!t.isEmpty()) {
        turns.add(
            new StoredConversation.Turn(
                (String) r.get("id"), (String) r.get("prompt"), (String) r.get("response"), t));
      }
    }
    Instant created;
    try {
      created = Instant.parse(String.valueOf(h.get("created_utc")));
    } catch (java.time.format.DateTimeParseException e) {
      throw new StoreException("conversation " + cid + " cannot be read: bad created_utc", e);
    }
    return new StoredConversation(cid, created, model, system, turns);
  }

  /**
   * A conversation's summary for {@code chat --list}.
   *
   * @param id its id
   * @param updated when its latest exchange was
   * @param model its model
   * @param firstPrompt the first prompt
   * @param exchanges how many exchanges it has
   */
  public record ConversationSummary(
      String id, String updated, String model, String firstPrompt, long exchanges) {}

  /** Conversations with at least one exchange, the most recently used first. */
  public List<ConversationSummary> conversations(int limit) {
    List<ConversationSummary> out = new ArrayList<>();
    for (Map<String, Object> r :
        query(
            "SELECT c.id AS id, max(r.datetime_utc) AS updated, c.model AS model,"
                + " (SELECT prompt FROM responses f WHERE f.conversation_id = c.id"
                + "  ORDER BY f.id LIMIT 1) AS first_prompt, count(r.id) AS n, max(r.id) AS last"
                + " FROM conversations c JOIN responses r ON r.conversation_id = c.id"
                + " GROUP BY c.id ORDER BY last DESC LIMIT ?",
            List.of(limit))) {
      out.add(
          new ConversationSummary(
              (String) r.get("id"),
              (String) r.get("updated"),
              (String) r.get("model"),
              r.get("first_prompt") == null ? "" : (String) r.get("first_prompt"),
              ((Number) r.get("n")).longValue()));
    }
    return out;
  }

  /**
   * What {@code logs list} and {@code logs search} select.
   *
   * @param limit the most rows
   * @param model only this model, or null
   * @param conversationId only this conversation, or null
   * @param since only exchanges at or after this time, or null
   */
  public record Filter(int limit, String model, String conversationId, Instant since) {}

  /** The columns of {@code responses} every listing shows, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "id",
          "conversation_id",
          "datetime_utc",
          "command",
          "model",
          "system",
          "prompt",
          "response",
          "input_tokens",
          "output_tokens",
          "cache_creation_input_tokens",
          "cache_read_input_tokens",
          "cost_usd",
          "duration_ms",
          "stop_reason",
          "request_id",
          "error",
          "status");

  private static final String SELECT_COLUMNS = "r." + String.join(", r.", COLUMNS);

  /** The most recent exchanges, newest first. */
  public List<Map<String, Object>> list(Filter f) {
    List<Object> args = new ArrayList<>();
    String where = where(f, args);
    args.add(f.limit());
    return query(
        "SELECT " + SELECT_COLUMNS + " FROM responses r" + where + " ORDER BY r.id DESC LIMIT ?",
        args);
  }

  /** Exchanges whose prompt or answer match the FTS5 {@code query}, best match first. */
  public List<Map<String, Object>> search(String ftsQuery, Filter f) {
    List<Object> args = new ArrayList<>();
    args.add(ftsQuery);
    String where = where(f, args);
    args.add(f.limit());
    return query(
        "SELECT "
            + SELECT_COLUMNS
            + " FROM responses_fts JOIN responses r ON r.rowid = responses_fts.rowid"
            + " WHERE responses_fts MATCH ?"
            + (where.isEmpty() ? "" : " AND " + where.substring(" WHERE ".length()))
            + " ORDER BY responses_fts.rank, r.id DESC LIMIT ?",
        args);
  }

  private static String where(Filter f, List<Object> args) {
    List<String> clauses = new ArrayList<>();
    if (f.model() != null) {
      clauses.add("r.model = ?");
      args.add(f.model());
    }
    if (f.conversationId() != null) {
      clauses.add("r.conversation_id = ?");
      args.add(f.conversationId());
    }
    if (f.since() != null) {
      clauses.add("r.datetime_utc >= ?");
      args.add(f.since().toString());
    }
    return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
  }

  /** One exchange by id or a unique start of one, with its tool calls and attachments. */
  public Optional<Map<String, Object>> show(String id) {
    Optional<String> full = resolveId(id);
    if (full.isEmpty()) {
      return Optional.empty();
    }
    List<Map<String, Object>> r =
        query("SELECT " + SELECT_COLUMNS + " FROM responses r WHERE r.id = ?", List.of(full.get()));
    if (r.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = r.get(0);
    row.put(
        "tool_calls",
        query(
            "SELECT tool_use_id, name, input, output, is_error FROM tool_calls"
                + " WHERE response_id = ? ORDER BY id",
            List.of(full.get())));
    row.put(
        "attachments",
        query(
            "SELECT path, file_id, url, media_type, size, sha256 FROM attachments"
                + " WHERE response_id = ? ORDER BY id",
            List.of(full.get())));
    return Optional.of(row);
  }

  private Optional<String> resolveId(String id) {
    List<Map<String, Object>> r =
        query(
            "SELECT id FROM responses WHERE id = ? OR substr(id, 1, length(?)) = ?"
                + " ORDER BY id = ? DESC LIMIT 2",
            List.of(id, id, id, id));
    if (r.isEmpty()) {
      return Optional.empty();
    }
    if (r.size() > 1 && !id.equals(r.get(0).get("id"))) {
      throw new StoreException(id + " matches several exchanges; give more of the id");
    }
    return Optional.of((String) r.get(0).get("id"));
  }

  /**
   * Calls, tokens and cost grouped by day ({@code substr(datetime_utc, 1, 10)}) or model, since a
   * time (or all when null).
   */
  public List<Map<String, Object>> usage(Instant since, boolean byModel) {
    String key = byModel ? "model" : "substr(datetime_utc, 1, 10)";
    List<Object> args = new ArrayList<>();
    String where = "";
    if (since != null) {
      where = " WHERE datetime_utc >= ?";
      args.add(since.toString());
    }
    return query(
        "SELECT "
            + key
            + " AS "
            + (byModel ? "model" : "day")
            + ", count(*) AS calls, coalesce(sum(input_tokens), 0) AS input_tokens,"
            + " coalesce(sum(output_tokens), 0) AS output_tokens,"
            + " coalesce(sum(cache_creation_input_tokens), 0) AS cache_creation_input_tokens,"
            + " coalesce(sum(cache_read_input_tokens), 0) AS cache_read_input_tokens,"
            + " sum(cost_usd) AS cost_usd, sum(cost_usd IS NULL AND error IS NULL) AS unpriced"
            + " FROM responses"
            + where
            + " GROUP BY 1 ORDER BY 1",
        args);
  }

  /** Rows and conversations in the log. */
  public Map<String, Object> counts() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", query("SELECT count(*) AS n FROM responses", List.of()).get(0).get("n"));
    out.put(
        "conversations",
        query("SELECT count(*) AS n FROM conversations", List.of()).get(0).get("n"));
    return out;
  }

  /** Runs a query; each row is a map from column label to value (Long, Double, String or null). */
  List<Map<String, Object>> query(String sql, List<?> args) {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        p.setObject(i + 1, args.get(i));
      }
      List<Map<String, Object>> out = new ArrayList<>();
      try (ResultSet rs = p.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            Object v = rs.getObject(i);
            if (v instanceof Integer n) {
              v = n.longValue();
            }
            row.put(md.getColumnLabel(i), v);
          }
          out.add(row);
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException(file + ": " + reason(e), e);
    }
  }

  @Override
  public void close() {
    try {
      c.close();
    } catch (SQLException e) {
      // nothing left to do with it
    }
  }
}
