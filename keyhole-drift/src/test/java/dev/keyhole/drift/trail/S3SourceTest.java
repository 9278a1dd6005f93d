package dev.keyhole.drift.trail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyhole.drift.DriftScan;
import dev.keyhole.drift.Fixtures;
import dev.keyhole.drift.classify.DriftReport;
import dev.keyhole.drift.generate.Scenario;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** Reads a trail from a real S3 API server (s3proxy, in memory) through the AWS SDK. */
class S3SourceTest {

    static S3Proxy proxy;
    static S3Client s3;

    @BeforeAll
    static void start() throws Exception {
        Properties props = new Properties();
        BlobStoreContext ctx = ContextBuilder.newBuilder("transient").credentials("id", "secret").overrides(props)
                .build(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(ctx.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "AKIDTEST", "secret-test").build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
        s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + proxy.getPort()))
                .region(Region.US_EAST_1).forcePathStyle(true)
                // s3proxy predates the SDK's default flexible checksums and chunked uploads
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret-test")))
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        proxy.stop();
    }

    @Test
    void aTrailInABucketUnderAPrefixScansLikeTheSameFilesOnDisk(@TempDir Path dir) throws Exception {
        Scenario.write(dir);
        s3.createBucket(b -> b.bucket("trail-bucket"));
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String key = "org-trail/" + dir.relativize(f).toString().replace('\\', '/');
                s3.putObject(b -> b.bucket("trail-bucket").key(key), RequestBody.fromFile(f));
            }
        }
        s3.putObject(b -> b.bucket("trail-bucket").key("elsewhere/AWSLogs/x.json.gz"), RequestBody.fromString("{}"));

        String[] where = S3Source.parseUri("s3://trail-bucket/org-trail/");
        DriftReport fromS3 = DriftScan.run(new S3Source(s3, where[0], where[1], null, null), Fixtures.runbooks(),
                Fixtures.scenarioSessions(), DriftScan.Options.defaults());
        DriftReport fromDisk = DriftScan.run(new DirectorySource(dir, null, null), Fixtures.runbooks(),
                Fixtures.scenarioSessions(), DriftScan.Options.defaults());

        assertThat(fromS3.stats().files()).isEqualTo(4);
        assertThat(fromS3.counts()).isEqualTo(fromDisk.counts());
        assertThat(fromS3.findings()).hasSameSizeAs(fromDisk.findings());
        assertThat(fromS3.stats().problems()).isEmpty();
    }

    @Test
    void onlyS3AddressesAreAccepted() {
        assertThat(S3Source.parseUri("s3://b")).containsExactly("b", "");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> S3Source.parseUri("https://b/x"))
                .hasMessageContaining("not an s3:// address");
    }
}
