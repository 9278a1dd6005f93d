package dev.keyhole.client;

import java.net.URI;
import java.util.Map;

/**
 * A billing job that reads one customer's orders through keyhole, signed in as its own IAM role. Run it with
 * the role's credentials in the environment (a Lambda, an ECS task or an EKS pod has them already):
 *
 * <pre>
 * KEYHOLE_URL=https://keyhole.internal KEYHOLE_AUDIENCE=keyhole.internal AWS_REGION=us-east-1 \
 *   java -cp keyhole-client.jar:... dev.keyhole.client.Example C-1001 job-2026-11-25-nightly
 * </pre>
 *
 * Against a local engine, also set {@code KEYHOLE_STS=http://127.0.0.1:8000} (the engine serves STS too).
 */
public final class Example {

    private Example() {}

    public static void main(String[] args) {
        KeyholeClient.Builder b = KeyholeClient.builder()
                .endpoint(URI.create(System.getenv("KEYHOLE_URL")))
                .audience(System.getenv("KEYHOLE_AUDIENCE"));
        if (System.getenv("KEYHOLE_STS") != null) {
            b.stsEndpoint(URI.create(System.getenv("KEYHOLE_STS")));
        }
        KeyholeClient keyhole = b.build();
        try {
            Page page = keyhole.run("billing-orders", Map.of("customerId", args[0]), args[1]);
            while (true) {
                page.items().forEach(item -> System.out.println(item.get("orderId") + " " + item.get("total")));
                if (!page.hasNext()) {
                    break;
                }
                page = keyhole.next(page);
            }
            System.out.println("correlation id " + page.correlationId());
        } catch (KeyholeException e) {
            // e.code(): unauthenticated, refused (e.kind(): not-allowed, ticket-invalid, ...), unreachable, ...
            System.err.println("keyhole: " + e.getMessage());
            System.exit(e.status() == 403 ? 3 : 1);
        }
    }
}
