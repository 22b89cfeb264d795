package dev.readiness.render.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readiness.config.EffectiveConfiguration.Entry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReportTest {
  enum Level {
    OFF,
    WARNING
  }

  record Source(Path git, String project, String timezone) {}

  @Test
  void writesNestedKeysWithTheirOriginsAndQuotesWhatYamlWouldMisread() {
    String yaml =
        ConfigReport.yaml(
            List.of(
                new Entry(List.of("site", "title"), "yes", 0),
                new Entry(List.of("site", "baseUrl"), null, 0),
                new Entry(List.of("gate", "minPercent"), 72.5, 3),
                new Entry(List.of("gate", "maxDrift"), null, 4),
                new Entry(List.of("warnings", "COMPLETE_WITH_OPEN"), Level.OFF, 6),
                new Entry(
                    List.of("sources"),
                    List.of(new Source(Path.of("repos/orion"), "orion", null)),
                    7),
                new Entry(List.of("projects"), Map.of(), 0)),
            "r.yaml");
    assertEquals(
        """
        site:
          title: 'yes'                          # default
          # baseUrl:                            # not set
        gate:
          minPercent: 72.5                      # r.yaml:3
          maxDrift: null                        # r.yaml:4
        warnings:
          COMPLETE_WITH_OPEN: 'off'             # r.yaml:6
        sources: [{git: repos/orion, project: orion}] # r.yaml:7
        projects: {}                            # default
        """,
        yaml);
  }
}
