package com.anthropic.tool.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema, as numbered steps: {@code PRAGMA user_version} says how many have run. A step is
 * never changed once released; a change to the schema is a new step at the end.
 */
final class Migrations {
  private Migrations() {}

  static final List<List<String>> STEPS =
      List.of(
          List.of(
              """
              CREATE TABLE conversations (
                id TEXT PRIMARY KEY,
                created_utc TEXT NOT NULL,
                command TEXT,
                model TEXT,
                system TEXT,
                source TEXT
              )""",
              """
              CREATE TABLE responses (
                id TEXT PRIMARY KEY,
                conversation_id TEXT NOT NULL REFERENCES conversations(id),
                datetime_utc TEXT NOT NULL,
                command TEXT NOT NULL,
                model TEXT,
                system TEXT,
                prompt TEXT,
                response TEXT,
                input_tokens INTEGER,
                output_tokens INTEGER,
                cache_creation_input_tokens INTEGER,
                cache_read_input_tokens INTEGER,
                cost_usd REAL,
                duration_ms INTEGER,
                stop_reason TEXT,
                request_id TEXT,
                error TEXT,
                status INTEGER,
                turns_json TEXT NOT NULL DEFAULT '[]'
              )""",
              "CREATE INDEX responses_by_conversation ON responses(conversation_id, id)",
              "CREATE INDEX responses_by_time ON responses(datetime_utc)",
              """
              CREATE TABLE tool_calls (
                id INTEGER PRIMARY KEY,
                response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
                tool_use_id TEXT,
                name TEXT,
                input TEXT,
                output TEXT,
                is_error INTEGER NOT NULL DEFAULT 0
              )""",
              "CREATE INDEX tool_calls_by_response ON tool_calls(response_id)",
              """
              CREATE TABLE attachments (
                id INTEGER PRIMARY KEY,
                response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
                path TEXT,
                file_id TEXT,
                url TEXT,
                media_type TEXT,
                size INTEGER,
                sha256 TEXT
              )""",
              "CREATE INDEX attachments_by_response ON attachments(response_id)",
              """
              CREATE TABLE imports (
                source TEXT PRIMARY KEY,
                conversation_id TEXT,
                imported_utc TEXT NOT NULL
              )""",
              """
              CREATE VIRTUAL TABLE responses_fts USING fts5(
                prompt, response, content='responses', content_rowid='rowid')""",
              """
              CREATE TRIGGER responses_ai AFTER INSERT ON responses BEGIN
                INSERT INTO responses_fts(rowid, prompt, response)
                VALUES (new.rowid, new.prompt, new.response);
              END""",
              """
              CREATE TRIGGER responses_ad AFTER DELETE ON responses BEGIN
                INSERT INTO responses_fts(responses_fts, rowid, prompt, response)
                VALUES ('delete', old.rowid, old.prompt, old.response);
              END""",
              """
              CREATE TRIGGER responses_au AFTER UPDATE ON responses BEGIN
                INSERT INTO responses_fts(responses_fts, rowid, prompt, response)
                VALUES ('delete', old.rowid, old.prompt, old.response);
                INSERT INTO responses_fts(rowid, prompt, response)
                VALUES (new.rowid, new.prompt, new.response);
              END"""));

  /** Runs the steps this database has not had yet, each in its own transaction. */
  static void run(Connection c) throws SQLException {
    int version;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      version = rs.next() ? rs.getInt(1) : 0;
    }
    if (version > STEPS.size()) {
      throw new StoreException(
          "the log database has schema version "
              + version
              + ", newer than this version of the tool knows ("
              + STEPS.size()
              + ")");
    }
    int v = version;
    while (v < STEPS.size()) {
      try (Statement s = c.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
        try {
          // another process may have migrated while we waited for the lock
          int now;
          try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            now = rs.next() ? rs.getInt(1) : 0;
          }
          if (now > v) {
            s.execute("COMMIT");
            v = now;
            continue;
          }
          for (String sql : STEPS.get(v)) {
            s.execute(sql);
          }
          s.execute("PRAGMA user_version = " + (v + 1));
          s.execute("COMMIT");
          v++;
        } catch (SQLException | RuntimeException e) {
          s.execute("ROLLBACK");
          throw e;
        }
      }
    }
  }
}
