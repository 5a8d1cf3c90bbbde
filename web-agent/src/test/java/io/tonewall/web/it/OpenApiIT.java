package io.tonewall.web.it;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;

import io.tonewall.web.api.TonewallApi;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Path;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The served OpenAPI document describes every JAX-RS path of the WAR and its security scheme.
 *
 * <p>Runs on PostgreSQL only (tag {@code database-incidental}, web-agent/pom.xml): the document is
 * generated from the JAX-RS classes and their annotations, whatever the database.
 */
@Tag("database-incidental")
@ExtendWith(TonewallServer.class)
class OpenApiIT {

  private final URL base = TonewallServer.base();

  @Test
  void describesEveryJaxRsPath_andTheOAuth2Scheme() throws Exception {
    // given: every @Path of the compiled resources, under /api
    Set<String> expected = jaxRsPaths();
    assertThat(expected.size(), greaterThan(5));

    // when
    HttpResponse<String> response = openApiDocument();

    // then
    assertThat(response.statusCode(), is(200));
    JsonObject document = ApiHttp.json(response.body());
    Set<String> described = document.getJsonObject("paths").keySet();
    List<String> missing =
        expected.stream()
            .filter(path -> described.stream().noneMatch(d -> d.endsWith(path)))
            .toList();
    assertThat("paths missing from /openapi: " + missing, missing, is(empty()));
    JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
    assertThat(schemes, hasKey("oauth2"));
    assertThat(
        schemes
            .getJsonObject("oauth2")
            .getJsonObject("flows")
            .getJsonObject("clientCredentials")
            .getJsonObject("scopes"),
        hasKey("webhooks:manage"));
  }

  /** Payara builds the document a moment after deployment: wait up to 30 s for it. */
  private HttpResponse<String> openApiDocument() throws Exception {
    HttpResponse<String> response = null;
    for (int attempt = 0; attempt < 30; attempt++) {
      response =
          ApiHttp.send(
              HttpRequest.newBuilder(base.toURI().resolve("/openapi"))
                  .header("Accept", "application/json")
                  .GET());
      if (response.statusCode() != 404) {
        return response;
      }
      Thread.sleep(1000);
    }
    return response;
  }

  private static Set<String> jaxRsPaths() throws Exception {
    java.nio.file.Path classes =
        Paths.get(TonewallApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> resources = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
      for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes
                .relativize(file)
                .toString()
                .replace(File.separatorChar, '.')
                .replace(".class", "");
        Class<?> type = Class.forName(name, false, OpenApiIT.class.getClassLoader());
        if (type.isAnnotationPresent(Path.class)) {
          resources.add(type);
        }
      }
    }
    Set<String> paths = new TreeSet<>();
    for (Class<?> resource : resources) {
      String root = "/api/" + strip(resource.getAnnotation(Path.class).value());
      for (Method method : resource.getDeclaredMethods()) {
        if (!isResourceMethod(method)) {
          continue;
        }
        Path sub = method.getAnnotation(Path.class);
        // A method without its own @Path answers at the class's path.
        paths.add(sub == null ? root : root + "/" + strip(sub.value()));
      }
    }
    return paths;
  }

  private static boolean isResourceMethod(Method method) {
    return Stream.of(method.getAnnotations())
        .anyMatch(a -> a.annotationType().isAnnotationPresent(jakarta.ws.rs.HttpMethod.class));
  }

  private static String strip(String path) {
    String stripped = path.startsWith("/") ? path.substring(1) : path;
    return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }
}
