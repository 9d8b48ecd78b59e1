package com.anthropic.tool.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins the library's public surface: every public type under {@code com.anthropic.tool.client} (the
 * {@code internal} package aside) is listed in {@value #LIST}, so growing or shrinking the API is a
 * decision made in the same commit. The tool loop under {@code client.tools} counts too: add its
 * types to the list when they land.
 */
class PublicApiTest {
  static final String LIST = "src/test/resources/api/client-public-types.txt";
  private static final String ROOT = "com.anthropic.tool.client";
  private static final String INTERNAL = ROOT + ".internal";

  /** Public API signatures that must name an internal type: the factories the client calls. */
  private static final List<String> INTERNAL_IN_SIGNATURE_ALLOWED =
      List.of("com.anthropic.tool.client.stream.MessageStream.open");

  @Test
  void should_keep_the_public_types_of_the_client_as_listed() throws IOException {
    TreeSet<String> actual = new TreeSet<>();
    for (Class<?> c : publicTypes()) {
      actual.add(c.getName().replace('$', '.'));
    }
    TreeSet<String> listed = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of(LIST), StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        listed.add(line.strip());
      }
    }
    TreeSet<String> added = new TreeSet<>(actual);
    added.removeAll(listed);
    TreeSet<String> removed = new TreeSet<>(listed);
    removed.removeAll(actual);
    if (!added.isEmpty() || !removed.isEmpty()) {
      StringBuilder sb = new StringBuilder("the public API of " + ROOT + " changed.");
      if (!added.isEmpty()) {
        sb.append("\nIf each new public type is meant as API, add these lines to ")
            .append(LIST)
            .append(" (otherwise make them package-private or move them to ")
            .append(INTERNAL)
            .append("):");
        added.forEach(n -> sb.append("\n  ").append(n));
      }
      if (!removed.isEmpty()) {
        sb.append("\nThese listed types are no longer public; remove these lines from ")
            .append(LIST)
            .append(":");
        removed.forEach(n -> sb.append("\n  ").append(n));
      }
      fail(sb.toString());
    }
  }

  @Test
  void should_not_name_internal_types_in_public_signatures() throws IOException {
    List<String> leaks = new ArrayList<>();
    for (Class<?> c : publicTypes()) {
      List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
      members.addAll(List.of(c.getDeclaredConstructors()));
      for (Executable m : members) {
        if (!visible(m.getModifiers()) || m.isSynthetic()) {
          continue;
        }
        List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
        if (m instanceof Method method) {
          types.add(method.getGenericReturnType());
        }
        String where = c.getName().replace('$', '.') + "." + memberName(m);
        for (Type t : types) {
          if (t.getTypeName().contains(INTERNAL + ".")
              && !INTERNAL_IN_SIGNATURE_ALLOWED.contains(where)) {
            leaks.add(where + " uses " + t.getTypeName());
          }
        }
      }
      for (Field f : c.getDeclaredFields()) {
        if (visible(f.getModifiers()) && f.getGenericType().getTypeName().contains(INTERNAL)) {
          leaks.add(c.getName() + "." + f.getName() + " is of an internal type");
        }
      }
    }
    assertEquals(List.of(), leaks, "public API signatures naming " + INTERNAL + " types");
  }

  private static String memberName(Executable m) {
    return m instanceof Constructor<?> ? "<init>" : m.getName();
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** Public top-level and nested types whose every enclosing type is public too. */
  static List<Class<?>> publicTypes() throws IOException {
    Path classes = Path.of("target/classes");
    Path root = classes.resolve(ROOT.replace('.', '/'));
    assertTrue(Files.isDirectory(root), "compile first: " + root.toAbsolutePath());
    List<Class<?>> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
    for (Path p : files) {
      String rel = classes.relativize(p).toString().replace('\\', '/');
      String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
      if (name.startsWith(INTERNAL + ".") || name.endsWith("package-info")) {
        continue;
      }
      Class<?> c;
      try {
        c = Class.forName(name, false, PublicApiTest.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new AssertionError("cannot load " + name, e);
      }
      if (c.isAnonymousClass() || c.isLocalClass() || c.isSynthetic()) {
        continue;
      }
      boolean isPublic = true;
      for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
        isPublic &= Modifier.isPublic(k.getModifiers());
      }
      if (isPublic) {
        out.add(c);
      }
    }
    assertTrue(out.size() > 10, "too few public types found: " + out.size());
    return out;
  }
}
