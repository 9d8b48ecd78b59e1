package com.example.anthropic;

import com.anthropic.tool.client.AnthropicClient;
import com.anthropic.tool.client.model.ListParams;
import com.anthropic.tool.client.model.ModelInfo;
import com.anthropic.tool.client.model.Page;
import java.io.PrintStream;

/** The model list: one page, every page, one model. */
public final class ListModels {
  private ListModels() {}

  public static void run(AnthropicClient client, PrintStream out) {
    // tag::models[]
    Page<ModelInfo> first = client.models().list(new ListParams(3, null, null)); // 3 per page
    first.data().forEach(m -> out.println(m.id() + "  " + m.displayName()));
    if (first.hasMore()) {
      Page<ModelInfo> next = client.models().list(new ListParams(3, first.lastId(), null));
      out.println("next page starts with " + next.data().get(0).id());
    }
    // every page, fetched as the stream is read
    long all = client.models().listAll(new ListParams(3, null, null)).count();
    out.println(all + " models");
    ModelInfo model = client.models().get("claude-sonnet-4-5"); // an alias resolves
    out.println(model.id() + " created " + model.createdAt());
    // end::models[]
  }
}
