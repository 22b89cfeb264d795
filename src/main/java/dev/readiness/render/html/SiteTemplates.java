package dev.readiness.render.html;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The site's theme: one FreeMarker configuration over the bundled templates, where a file of the
 * same name in the override folder ({@code --templates DIR}) wins, and the assets that go to {@code
 * assets/}. Templates are parsed once and cached; {@link #render} is thread-safe.
 */
public final class SiteTemplates {
  /** Where the bundled theme lives on the class path (copied from {@code templates/} by Maven). */
  static final String BUNDLED = "/dev/readiness/templates";

  /** The bundled assets, copied to {@code assets/}; an override folder may add more. */
  public static final List<String> BUNDLED_ASSETS =
      List.of("check.svg", "favicon.svg", "site.css", "site.js");

  private final Configuration config;
  private final Path overrides;

  /**
   * @param overrides a folder whose templates and {@code assets/} override the bundled ones, or
   *     null
   * @throws IOException when the folder cannot be read
   */
  public SiteTemplates(Path overrides) throws IOException {
    this.overrides = overrides;
    config = new Configuration(Configuration.VERSION_2_3_34);
    config.setDefaultEncoding("UTF-8");
    config.setOutputEncoding("UTF-8");
    config.setLocale(Locale.ROOT);
    config.setTimeZone(TimeZone.getTimeZone("UTC"));
    config.setNumberFormat("computer");
    config.setBooleanFormat("c");
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
    config.setRecognizeStandardFileExtensions(true);
    config.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    // A theme is code a team writes, but it has no business creating Java objects.
    config.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    config.setAPIBuiltinEnabled(false);
    config.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    TemplateLoader bundled = new ClassTemplateLoader(SiteTemplates.class, BUNDLED);
    config.setTemplateLoader(
        overrides == null
            ? bundled
            : new MultiTemplateLoader(
                new TemplateLoader[] {new FileTemplateLoader(overrides.toFile()), bundled}));
  }

  /**
   * Renders a template.
   *
   * @param name e.g. {@code review.ftlh}
   * @throws IOException when the template is missing or fails; the message names it and the line
   */
  public String render(String name, Map<String, Object> model) throws IOException {
    StringWriter out = new StringWriter(16 * 1024);
    render(name, model, out);
    return out.toString();
  }

  /**
   * Renders a template into {@code out}, as it goes.
   *
   * @param name e.g. {@code review.ftlh}
   * @throws IOException when the template is missing or fails (the message names it and the line),
   *     or when {@code out} fails
   */
  public void render(String name, Map<String, Object> model, Writer out) throws IOException {
    try {
      config.getTemplate(name).process(model, out);
    } catch (TemplateException e) {
      throw new IOException("template " + name + ": " + e.getMessageWithoutStackTop(), e);
    }
  }

  /** The error for a theme file that is not a plain file or folder inside the theme. */
  private static IOException notPlain(Path path, String what) {
    return new IOException(
        path
            + " is "
            + what
            + "; a theme's assets must be plain files inside its folder,"
            + " so the theme is not used (copy the file into "
            + path.getParent()
            + " instead)");
  }

  /** HTML that templates print as it is: only for sanitized or generated markup. */
  public static TemplateHTMLOutputModel markup(String html) {
    try {
      return HTMLOutputFormat.INSTANCE.fromMarkup(html);
    } catch (freemarker.template.TemplateModelException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every asset by its path under {@code assets/}: the bundled ones, then every file of the
   * override folder's {@code assets/}, which replace bundled files of the same name. Sorted.
   */
  public Map<String, byte[]> assets() throws IOException {
    Map<String, byte[]> assets = new TreeMap<>();
    for (String name : BUNDLED_ASSETS) {
      try (InputStream in = SiteTemplates.class.getResourceAsStream(BUNDLED + "/assets/" + name)) {
        if (in == null) {
          throw new IOException("bundled asset " + name + " is missing from the jar");
        }
        assets.put(name, in.readAllBytes());
      }
    }
    Path folder = overrides == null ? null : overrides.resolve("assets");
    if (folder != null && Files.isSymbolicLink(folder)) {
      throw notPlain(folder, "a symbolic link");
    }
    if (folder != null && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      List<Path> files = new ArrayList<>();
      try (Stream<Path> walk = Files.walk(folder)) {
        // Links are not followed (a theme from a pull request could link to /etc/passwd), nor
        // pipes or devices read (which could hang the build): each is refused by name.
        for (Path path : walk.sorted().toList()) {
          if (Files.isSymbolicLink(path)) {
            throw notPlain(path, "a symbolic link");
          } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            files.add(path);
          } else if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw notPlain(path, "not a regular file");
          }
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      for (Path file : files) {
        String name = folder.relativize(file).toString().replace('\\', '/');
        assets.put(name, Files.readAllBytes(file));
      }
    }
    return assets;
  }
}
