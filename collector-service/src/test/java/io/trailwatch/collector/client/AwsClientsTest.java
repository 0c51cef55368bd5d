package io.trailwatch.collector.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.trailwatch.collector.testing.SourceSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Assuming a role for a cross-account source, against a stand-in for AWS STS (no STS-compatible server runs
 * here): the role, the external id and the session name are asked for, and S3 requests are then signed with the
 * role's temporary credentials.
 */
class AwsClientsTest {

    private HttpServer server;
    private HttpServer sts;
    private final List<String> stsRequests = new CopyOnWriteArrayList<>();
    private final List<String> s3Authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startStandIns() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sts = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sts.createContext("/", exchange -> {
            stsRequests.add(URLDecoder.decode(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            respond(exchange, 200, "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "<AssumeRoleResult><Credentials><AccessKeyId>ASIATESTASSUMEDROLE</AccessKeyId>"
                    + "<SecretAccessKey>assumed-secret</SecretAccessKey><SessionToken>assumed-session-token"
                    + "</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
                    + "<AssumedRoleUser><Arn>arn:aws:sts::444455556666:assumed-role/trailwatch-reader/s</Arn>"
                    + "<AssumedRoleId>AROATEST:s</AssumedRoleId></AssumedRoleUser></AssumeRoleResult>"
                    + "<ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></AssumeRoleResponse>");
        });
        server.createContext("/s3", exchange -> {
            s3Authorizations.add(exchange.getRequestHeaders().getFirst("Authorization") + " token="
                    + exchange.getRequestHeaders().getFirst("x-amz-security-token"));
            respond(exchange, 404, "<Error><Code>NoSuchKey</Code><Message>no</Message></Error>");
        });
        server.start();
        sts.start();
        System.setProperty("aws.accessKeyId", "AKIATESTBASECREDENTIAL");
        System.setProperty("aws.secretAccessKey", "base-secret");
    }

    @AfterEach
    void stopStandIns() {
        server.stop(0);
        sts.stop(0);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void assumesTheSourcesRoleWithItsExternalIdAndSignsWithTheRolesCredentials() {
        SourceSettings settings = SourceSettings.local(base() + "/s3");
        settings.anonymous = false;
        settings.roleArn = "arn:aws:iam::444455556666:role/trailwatch-reader";
        settings.externalId = "trailwatch-ext-42";
        settings.stsEndpoint = URI.create("http://127.0.0.1:" + sts.getAddress().getPort());

        try (AwsClients clients = new AwsClients("s3-archive", settings, null)) {
            assertThatThrownBy(() -> clients.s3().getObject(b -> b.bucket("logs").key("k")))
                    .isInstanceOf(S3Exception.class);
        }

        assertThat(stsRequests).hasSize(1);
        assertThat(stsRequests.get(0)).contains("Action=AssumeRole",
                "RoleArn=arn:aws:iam::444455556666:role/trailwatch-reader", "ExternalId=trailwatch-ext-42",
                "RoleSessionName=trailwatch-collector-s3-archive");
        assertThat(s3Authorizations).isNotEmpty().allSatisfy(auth -> assertThat(auth)
                .contains("Credential=ASIATESTASSUMEDROLE/").contains("token=assumed-session-token"));
    }

    @Test
    void signsWithTheDefaultCredentialsChainWhenNoRoleIsConfigured() {
        SourceSettings settings = SourceSettings.local(base() + "/s3");
        settings.anonymous = false;
        try (AwsClients clients = new AwsClients("sqs-main", settings, null)) {
            assertThatThrownBy(() -> clients.s3().getObject(b -> b.bucket("logs").key("k")))
                    .isInstanceOf(S3Exception.class);
        }
        assertThat(stsRequests).isEmpty();
        assertThat(s3Authorizations).allSatisfy(auth -> assertThat(auth).contains("Credential=AKIATESTBASECREDENTIAL/"));
    }

    @Test
    void takesTheRegionFromAnAwsQueueUrlUnlessOneIsConfigured() {
        assertThat(AwsClients.regionOf("https://sqs.eu-central-1.amazonaws.com/111122223333/cloudtrail"))
                .isEqualTo(Region.EU_CENTRAL_1);
        SourceSettings settings = SourceSettings.local(base());
        settings.region = "ap-southeast-2";
        try (AwsClients clients = new AwsClients("x", settings, "https://sqs.eu-central-1.amazonaws.com/1/q")) {
            assertThat(clients.region()).isEqualTo(Region.AP_SOUTHEAST_2);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
