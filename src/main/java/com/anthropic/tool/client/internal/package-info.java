/**
 * The client's machinery: the HTTP transport over Apache HttpClient 5, retries, the event-stream
 * parser and the failure mapping. Not API: types here change without notice, and nothing outside
 * {@code com.anthropic.tool.client} may use them (a test keeps it so).
 */
package com.anthropic.tool.client.internal;
