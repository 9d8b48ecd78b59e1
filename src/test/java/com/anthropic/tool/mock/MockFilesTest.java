package com.anthropic.tool.mock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.CallOptions;
import com.anthropic.tool.client.FileContent;
import com.anthropic.tool.client.Files;
import com.anthropic.tool.client.error.ApiException;
import com.anthropic.tool.client.error.NotFoundException;
import com.anthropic.tool.client.model.ContentBlock;
import com.anthropic.tool.client.model.FileMetadata;
import com.anthropic.tool.client.model.ListParams;
import com.anthropic.tool.client.model.MessageParam;
import com.anthropic.tool.client.model.MessagesRequest;
import com.anthropic.tool.client.model.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mock's Files API, through the client library's {@code files()} resource. */
class MockFilesTest {
  private static final CallOptions BETA = CallOptions.builder().beta(Files.BETA).build();
  private MockApiServer mock;
  private AnthropicClient client;

  @BeforeEach
  void start() {
    mock = MockApiServer.start(0);
    client = AnthropicClient.builder().baseUrl(mock.baseUrl()).apiKey("mock").maxRetries(0).build();
  }

  @AfterEach
  void stop() {
    client.close();
    mock.close();
  }

  @Test
  void should_keep_uploaded_files_for_the_session_list_them_newest_first_and_delete_them()
      throws IOException {
    byte[] pdf = "%PDF-1.7 fifty pages".getBytes(StandardCharsets.ISO_8859_1);
    FileMetadata a = client.files().upload("a.pdf", "application/pdf", pdf);
    FileMetadata b = client.files().upload("b \"quoted\".txt", "text/plain", new byte[] {'h', 'i'});

    assertEquals("application/pdf", a.mimeType());
    assertEquals(pdf.length, a.sizeBytes());
    assertEquals("b %22quoted%22.txt", b.filename());
    assertEquals(
        List.of(b.id(), a.id()),
        client.files().list(ListParams.defaults()).data().stream().map(FileMetadata::id).toList());
    assertEquals(
        List.of(b.id(), a.id()),
        client.files().listAll(new ListParams(1, null, null)).map(FileMetadata::id).toList());
    assertEquals(a.raw(), client.files().get(a.id()).raw());
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    try (FileContent content = client.files().download(a.id())) {
      assertEquals(pdf.length, content.transferTo(copy));
    }
    assertArrayEquals(pdf, copy.toByteArray());

    client.files().delete(a.id());
    assertThrows(NotFoundException.class, () -> client.files().get(a.id()));
  }

  @Test
  void should_refuse_files_calls_and_file_ids_in_messages_without_the_beta_header()
      throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/v1/files"))
                    .header("x-api-key", "mock")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(400, r.statusCode());
    assertTrue(r.body().contains("anthropic-beta: files-api-2025-04-14"), r.body());

    FileMetadata f = client.files().upload("p.pdf", "application/pdf", "%PDF-".getBytes());
    MessagesRequest ask =
        MessagesRequest.builder(
                "claude-sonnet-4-6",
                List.of(
                    MessageParam.user(
                        List.of(
                            ContentBlock.Document.of(new Source.File(f.id())),
                            ContentBlock.Text.of("Summarise")))),
                100)
            .build();
    ApiException noBeta = assertThrows(ApiException.class, () -> client.messages(ask));
    assertEquals(400, noBeta.status());
    assertTrue(client.messages(ask, BETA).text().contains("Summarise"));

    client.files().delete(f.id());
    assertThrows(ApiException.class, () -> client.messages(ask, BETA));
  }
}
