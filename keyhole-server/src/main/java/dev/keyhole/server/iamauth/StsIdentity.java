package dev.keyhole.server.iamauth;

import dev.keyhole.server.ApiError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Sends a checked sign-in request to STS exactly as the client signed it and reads who signed it from the
 * {@code GetCallerIdentityResponse}. STS verifies the signature; keyhole never sees the caller's secret.
 */
final class StsIdentity {

    /** What STS says about the signer. */
    record CallerIdentity(String arn, String account, String userId) {}

    /** Headers the HTTP client sets itself from the URL and body (and refuses to be given). */
    private static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final HttpClient http;
    private final Duration timeout;

    StsIdentity(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    CallerIdentity ask(SignInRequest req) {
        HttpRequest.Builder b = HttpRequest.newBuilder(req.uri()).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(req.body(), StandardCharsets.UTF_8));
        try {
            req.headers().forEach((name, value) -> {
                if (!SET_BY_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
                    b.header(name, value);
                }
            });
        } catch (IllegalArgumentException e) {
            throw SignInRequest.refuse("the IAM sign-in request has a header that cannot be sent: " + e.getMessage());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unavailable("STS at `" + req.uri() + "` did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while asking STS");
        }
        Document doc = xml(response.body());
        if (response.statusCode() == 200 && doc != null) {
            String arn = text(doc, "Arn");
            if (arn != null) {
                return new CallerIdentity(arn, text(doc, "Account"), text(doc, "UserId"));
            }
        }
        if (response.statusCode() >= 400 && response.statusCode() < 500 && doc != null && text(doc, "Code") != null) {
            throw SignInRequest.refuse("STS did not accept the IAM sign-in: " + text(doc, "Code") + ": " + text(doc, "Message"));
        }
        throw unavailable("STS answered HTTP " + response.statusCode() + " without a caller identity");
    }

    private static ApiError unavailable(String message) {
        return new ApiError(503, "sts-unavailable", message + "; retry shortly");
    }

    /** Parses STS's answer with DTDs and external entities off: it is input from the network. */
    private static Document xml(byte[] body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            return null;
        }
    }

    private static String text(Document doc, String element) {
        NodeList nodes = doc.getElementsByTagNameNS("*", element);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }
}
