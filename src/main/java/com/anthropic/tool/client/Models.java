package com.anthropic.tool.client;

import com.anthropic.tool.client.error.InvalidRequestException;
import com.anthropic.tool.client.model.ListParams;
import com.anthropic.tool.client.model.ModelInfo;
import com.anthropic.tool.client.model.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@code /v1/models}: the models the key can use.
 *
 * <pre>{@code
 * client.models().listAll(ListParams.defaults()).forEach(m -> out.println(m.id()));
 * ModelInfo m = client.models().get("claude-sonnet-4-5");
 * }</pre>
 */
public final class Models {
  private final AnthropicClient client;

  Models(AnthropicClient client) {
    this.client = client;
  }

  /** One page ({@code GET /v1/models}). */
  public Page<ModelInfo> list(ListParams params) {
    Objects.requireNonNull(params, "params");
    return AnthropicClient.read(
        client.getJson("/v1/models" + params.query()), WireShapes.page(WireShapes::model));
  }

  /**
   * Every model from the page {@code params} names on, fetching further pages lazily through {@code
   * has_more}/{@code last_id}.
   */
  public Stream<ModelInfo> listAll(ListParams params) {
    return Paging.all(params, this::list);
  }

  /** One model ({@code GET /v1/models/{id}}); an alias resolves to the model it names. */
  public ModelInfo get(String modelId) {
    return AnthropicClient.read(
        client.getJson("/v1/models/" + pathSegment(modelId, "model id")), WireShapes::model);
  }

  static String pathSegment(String id, String what) {
    if (id == null || id.isBlank()) {
      throw new InvalidRequestException(what + " must not be empty");
    }
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
