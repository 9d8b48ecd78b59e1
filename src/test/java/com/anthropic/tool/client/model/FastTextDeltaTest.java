package com.anthropic.tool.client.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FastTextDeltaTest {
  private static final String P = "{\"type\":\"content_block_delta\",\"index\":";
  private static final String M = ",\"delta\":{\"type\":\"text_delta\",\"text\":";

  /** Data the fast path takes: its result must equal what Gson reads from the same data. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        P + "0" + M + "\"Hello\"}}",
        P + "3" + M + "\"Base\"}         }",
        P + "12" + M + "\"\"}}",
        P + "0" + M + "\"a\\nb\\tc\\\"d\\\\e\\/f\\bg\\fh\\ri\"}}",
        P + "0" + M + "\"caf\\u00e9 \\u20AC\"}}",
        P + "0" + M + "\"emoji \\ud83d\\ude00 end\"}}",
        P + "0" + M + "\"raw unicode é 😀\"}}  \n",
        P + "7" + M + "\"  spaces  \"} \t }",
      })
  void fastPathEqualsGson(String data) {
    StreamEvent.ContentBlockDelta fast = FastTextDelta.tryParse(data);
    assertNotNull(fast, data);
    JsonObject o = JsonParser.parseString(data).getAsJsonObject();
    String text = o.getAsJsonObject("delta").get("text").getAsString();
    assertEquals(o.get("index").getAsInt(), fast.index());
    assertEquals(text, ((Delta.Text) fast.delta()).text());
    assertEquals(o, fast.raw());
    assertEquals(o.getAsJsonObject("delta"), fast.delta().raw());
    assertEquals(data, fast.data());
    assertEquals(Json.write(o), Json.write(fast.raw()));
    assertEquals(StreamEvent.parse("content_block_delta", data), fast);
  }

  /** Anything unexpected falls back to the general path (null here). */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"index\":0,\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}",
        P + "0,\"delta\":{\"text\":\"x\",\"type\":\"text_delta\"}}",
        P + " 0" + M + "\"x\"}}",
        P + "01" + M + "\"x\"}}",
        P + "-1" + M + "\"x\"}}",
        P + "1.5" + M + "\"x\"}}",
        P + "99999999999" + M + "\"x\"}}",
        P + "0" + M + "\"x\",\"extra\":1}}",
        P + "0" + M + "\"x\"},\"extra\":1}",
        P + "0" + M + "\"x\" }}",
        P + "0" + M + "\"x\"}}}",
        P + "0" + M + "\"x\"}} x",
        P + "0" + M + "\"x\"}",
        P + "0" + M + "\"x",
        P + "0" + M + "\"x\\",
        P + "0" + M + "\"bad \\x escape\"}}",
        P + "0" + M + "\"bad \\u12G4\"}}",
        P + "0" + M + "\"short \\u12\"}}",
        P + "0" + M + "\"ctl \t raw\"}}",
        P + "0" + M + "null}}",
        P + "0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"x\"}}",
        "{\"type\":\"content_block_delta\", \"index\":0" + M + "\"x\"}}",
        "{\"type\":\"ping\"}",
      })
  void unexpectedFallsBack(String data) {
    assertNull(FastTextDelta.tryParse(data), data);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"index\":2,\"type\":\"content_block_delta\",\"delta\":{\"type\":\"text_delta\",\"text\":\"x\\n\"}}",
        P + "0,\"delta\":{\"text\":\"y\",\"type\":\"text_delta\"}  }",
        P + "1" + M + "\"z\",\"extra\":1}}",
      })
  void fallbackStillReadsTheEvent(String data) {
    StreamEvent e = StreamEvent.parse("content_block_delta", data);
    JsonObject o = JsonParser.parseString(data).getAsJsonObject();
    StreamEvent.ContentBlockDelta d = (StreamEvent.ContentBlockDelta) e;
    assertEquals(o.get("index").getAsInt(), d.index());
    assertEquals(
        o.getAsJsonObject("delta").get("text").getAsString(), ((Delta.Text) d.delta()).text());
    assertEquals(o, d.raw());
  }
}
