package com.anthropic.tool.client.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Chooses a proxy from HTTPS_PROXY / HTTP_PROXY / NO_PROXY (either case) the way curl does:
 * NO_PROXY is a comma-separated list of host names or domain suffixes, {@code *} meaning every
 * host.
 */
final class EnvProxyRoutePlanner extends DefaultRoutePlanner {
  private final HttpHost httpsProxy;
  private final HttpHost httpProxy;
  private final String[] noProxy;

  EnvProxyRoutePlanner(Map<String, String> env) {
    super(null);
    this.httpsProxy = parse(firstOf(env, "https_proxy", "HTTPS_PROXY"));
    this.httpProxy = parse(firstOf(env, "http_proxy", "HTTP_PROXY"));
    String np = firstOf(env, "no_proxy", "NO_PROXY");
    this.noProxy = np == null ? new String[0] : np.split(",");
  }

  boolean hasProxy() {
    return httpsProxy != null || httpProxy != null;
  }

  private static String firstOf(Map<String, String> env, String a, String b) {
    String v = env.get(a);
    if (v == null || v.isBlank()) {
      v = env.get(b);
    }
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static HttpHost parse(String value) {
    if (value == null) {
      return null;
    }
    String withScheme = value.contains("://") ? value : "http://" + value;
    URI uri = URI.create(withScheme);
    int port = uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
    return new HttpHost(uri.getScheme(), uri.getHost(), port);
  }

  @Override
  protected HttpHost determineProxy(HttpHost target, HttpContext context) {
    if (bypass(target.getHostName())) {
      return null;
    }
    return "https".equalsIgnoreCase(target.getSchemeName()) ? httpsProxy : httpProxy;
  }

  boolean bypass(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    for (String raw : noProxy) {
      String entry = raw.strip().toLowerCase(Locale.ROOT);
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.equals("*")) {
        return true;
      }
      int colon = entry.lastIndexOf(':');
      if (colon > 0 && entry.indexOf(']') < colon && !entry.startsWith("[")) {
        entry = entry.substring(0, colon);
      }
      if (entry.startsWith("*.")) {
        entry = entry.substring(1);
      }
      if (entry.startsWith(".")) {
        if (h.endsWith(entry) || h.equals(entry.substring(1))) {
          return true;
        }
      } else if (h.equals(entry) || h.endsWith("." + entry)) {
        return true;
      }
    }
    return false;
  }
}
