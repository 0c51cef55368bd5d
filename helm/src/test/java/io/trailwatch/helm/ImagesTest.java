package io.trailwatch.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service's src/main/docker/Dockerfile.jvm agrees with the chart: base image, non-root user, port, layout.
 * Images are not built here (no daemon, no registry); what can be checked without building is checked.
 */
class ImagesTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @ParameterizedTest
    @ValueSource(strings = {"collector", "rules", "alert", "query"})
    void theDockerfileRunsTheFastJarAsANonRootUserOnTheServicePort(String component) throws IOException {
        Path service = ROOT.resolve(component + "-service");
        String dockerfile = Files.readString(service.resolve("src/main/docker/Dockerfile.jvm"), StandardCharsets.UTF_8);
        int port = httpPort(service);

        assertThat(instruction(dockerfile, "FROM")).matches("registry\\.access\\.redhat\\.com/ubi9/openjdk-17-runtime:[0-9.]+");
        assertThat(instruction(dockerfile, "USER")).isEqualTo("185");
        assertThat(instruction(dockerfile, "EXPOSE")).isEqualTo(String.valueOf(port));
        assertThat(dockerfile).contains(
                "COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/",
                "COPY --chown=185 target/quarkus-app/*.jar /deployments/",
                "COPY --chown=185 target/quarkus-app/app/ /deployments/app/",
                "COPY --chown=185 target/quarkus-app/quarkus/ /deployments/quarkus/",
                "JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"",
                "ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]");

        Chart.Rendered rendered = Chart.renderDefaults();
        var pod = PodSpecs.of(rendered.workload(component));
        assertThat(pod.getSecurityContext().getRunAsUser()).as("the chart runs the image's user").isEqualTo(185L);
        assertThat(pod.getContainers().get(0).getPorts().get(0).getContainerPort()).isEqualTo(port);
        assertThat(pod.getContainers().get(0).getImage()).isEqualTo("ghcr.io/trailwatch/" + component + "-service:0.1.0");
    }

    @Test
    void theChartsAppVersionIsTheReleaseOfTheProjectVersion() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        Matcher version = Pattern.compile("<artifactId>trailwatch-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(version.find()).isTrue();
        Map<String, Object> chart = Values.load(Chart.DIR.resolve("Chart.yaml"));

        assertThat(chart.get("appVersion")).isEqualTo(version.group(1).replace("-SNAPSHOT", ""));
    }

    @Test
    void imageOverridesComposeRegistryRepositoryTagAndDigest() {
        Chart.Rendered rendered = Chart.render(Chart.set("image.registry", "registry.example.com",
                "image.repositoryPrefix", "soc", "image.tag", "1.2.3", "query.image.tag", "1.2.4",
                "alert.image.digest", "sha256:" + "a".repeat(64), "rules.image.repository", "mirror/rules"));

        assertThat(image(rendered, "collector")).isEqualTo("registry.example.com/soc/collector-service:1.2.3");
        assertThat(image(rendered, "query")).isEqualTo("registry.example.com/soc/query-service:1.2.4");
        assertThat(image(rendered, "alert")).isEqualTo("registry.example.com/soc/alert-service@sha256:" + "a".repeat(64));
        assertThat(image(rendered, "rules")).isEqualTo("mirror/rules:1.2.3");
    }

    private static String image(Chart.Rendered rendered, String component) {
        return PodSpecs.of(rendered.workload(component)).getContainers().get(0).getImage();
    }

    private static int httpPort(Path service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(service.resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return Integer.parseInt(properties.getProperty("quarkus.http.port"));
    }

    private static String instruction(String dockerfile, String name) {
        List<String> values = dockerfile.lines().filter(line -> line.startsWith(name + " "))
                .map(line -> line.substring(name.length() + 1).trim()).toList();
        assertThat(values).as(name).hasSize(1);
        return values.get(0);
    }
}
