package dev.keyhole.server.iamauth;

import dev.keyhole.client.KeyholeClient;
import dev.keyhole.client.KeyholeException;
import dev.keyhole.client.Page;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * A service as a container would run it: its own process, AWS credentials only from its environment (the SDK's
 * default chain), keyhole only through {@link KeyholeClient}. Prints one line per item and a summary; exits 3
 * when keyhole refuses.
 *
 * <p>Arguments: keyhole endpoint, audience, STS endpoint, runbook, customer id, reason.
 */
public final class ServiceProcess {

    private ServiceProcess() {}

    public static void main(String[] args) {
        KeyholeClient keyhole = KeyholeClient.builder()
                .endpoint(URI.create(args[0]))
                .audience(args[1])
                .stsEndpoint(URI.create(args[2]))
                .region(Region.US_EAST_1)
                .build();
        try {
            Page page = keyhole.run(args[3], Map.of("customerId", args[4]), args[5]);
            int items = 0;
            int pages = 1;
            while (true) {
                for (Map<String, Object> item : page.items()) {
                    System.out.println("item " + item.get("customerId") + " " + item.get("orderId"));
                    items++;
                }
                if (!page.hasNext()) {
                    break;
                }
                page = keyhole.next(page);
                pages++;
            }
            System.out.println("done items=" + items + " pages=" + pages + " correlationId=" + page.correlationId());
        } catch (KeyholeException e) {
            System.out.println("refused " + e.status() + " " + e.kind() + " " + e.reason());
            System.exit(3);
        }
    }
}
