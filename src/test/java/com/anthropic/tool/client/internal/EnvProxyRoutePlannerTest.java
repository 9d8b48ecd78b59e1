package com.anthropic.tool.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** NO_PROXY matching the way curl does it. */
class EnvProxyRoutePlannerTest {
  @ParameterizedTest(name = "NO_PROXY={0}, host {1} -> bypass {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*|api.anthropic.com|true",
        "anthropic.com|api.anthropic.com|true",
        ".anthropic.com|api.anthropic.com|true",
        ".anthropic.com|anthropic.com|true",
        "*.anthropic.com|api.anthropic.com|true",
        "anthropic.com|notanthropic.com|false",
        "example.com, API.ANTHROPIC.COM:443|api.anthropic.com|true",
        "localhost,127.0.0.1|127.0.0.1|true",
        "localhost|api.anthropic.com|false"
      })
  void should_match_no_proxy_entries(String noProxy, String host, boolean bypass) {
    EnvProxyRoutePlanner p =
        new EnvProxyRoutePlanner(Map.of("HTTPS_PROXY", "http://proxy:3128", "NO_PROXY", noProxy));

    assertEquals(bypass, p.bypass(host));
  }

  @ParameterizedTest
  @CsvSource({"https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"})
  void should_read_proxy_variables_in_either_case(String name) {
    assertTrue(new EnvProxyRoutePlanner(Map.of(name, "proxy.local:8080")).hasProxy());
    assertFalse(new EnvProxyRoutePlanner(Map.of(name, " ")).hasProxy());
  }
}
