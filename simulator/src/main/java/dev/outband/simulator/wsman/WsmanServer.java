package dev.outband.simulator.wsman;

import dev.outband.simulator.device.VirtualDevice;
import dev.outband.simulator.net.ConnectionHandler;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.Operation;
import dev.outband.wsman.soap.ResponseEnvelope;
import dev.outband.wsman.soap.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** The device's WS-Man port: HTTP/1.1 with Digest over any pair of streams, SOAP dispatched by class. */
public final class WsmanServer implements ConnectionHandler {
    private static final int MAX_OPEN_ENUMERATIONS = 512;

    private final VirtualDevice device;
    private final HttpCodec http;
    private final DigestVerifier digest;
    private final Map<String, ResourceClass> classes = new HashMap<>();
    private final Map<String, Deque<Instance>> enumerations = new ConcurrentHashMap<>();

    public WsmanServer(VirtualDevice device) {
        this(device, HttpLimits.defaults());
    }

    public WsmanServer(VirtualDevice device, HttpLimits limits) {
        this.device = device;
        this.http = new HttpCodec(limits, device.config().serverName());
        this.digest = new DigestVerifier(device.provisioning()::ha1, device.digestRealm(), limits.nonceLifetime(),
                Clock.systemUTC());
        Stream.of(PowerResources.all(), IdentityResources.all(), InventoryResources.all(), PlatformResources.all(),
                        ConsentResources.all(), LogResources.all(), CertificateResources.all(), TlsResources.all(),
                        RemoteAccessResources.all(), ProvisioningResources.all())
                .flatMap(List::stream).forEach(c -> classes.put(c.className(), c));
    }

    public DigestVerifier digest() {
        return digest;
    }

    @Override
    public void serve(InputStream in, OutputStream out) throws IOException {
        while (true) {
            HttpRequest request;
            try {
                request = http.read(in);
            } catch (HttpCodec.HttpProtocolException e) {
                http.write(out, HttpResponse.status(400, "Bad Request"), false);
                return;
            }
            if (request == null) {
                return;
            }
            device.hooks().requestReceived();
            HttpResponse response = answer(request);
            if (device.hooks().silent()) {
                // A hung firmware: the connection stays open and nothing comes back.
                in.transferTo(OutputStream.nullOutputStream());
                return;
            }
            sleep(device.hooks().delay().toMillis());
            http.write(out, response, request.keepAlive());
            if (response.closes() || !request.keepAlive()) {
                return;
            }
        }
    }

    HttpResponse answer(HttpRequest request) {
        if ("/".equals(request.target()) && "GET".equals(request.method())) {
            // AMT's front page sends the browser to its log-on page, unauthenticated: scanners read the Server header.
            return HttpResponse.seeOther("/logon.htm");
        }
        if (!"/wsman".equals(request.target())) {
            return HttpResponse.status(404, "Not Found");
        }
        // A protected URL challenges before anything else: an unauthenticated GET /wsman gets AMT's 401 too.
        DigestVerifier.Outcome auth = digest.verify(request.method(), request.header("authorization"));
        if (auth != DigestVerifier.Outcome.OK) {
            return HttpResponse.unauthorized(digest.challenge(auth == DigestVerifier.Outcome.STALE));
        }
        if (!"POST".equals(request.method())) {
            return HttpResponse.status(405, "Method Not Allowed");
        }
        SoapRequest soap;
        try {
            soap = SoapRequest.from(SecureXml.parse(request.body()));
        } catch (SAXException | IOException e) {
            return HttpResponse.soap(400, SoapWriter.fault(null, SoapFault.invalidHeader("not well-formed XML")));
        } catch (SoapFault f) {
            return HttpResponse.soap(400, SoapWriter.fault(null, f));
        }
        try {
            return HttpResponse.soap(200, dispatch(soap));
        } catch (SoapFault f) {
            return HttpResponse.soap(400, SoapWriter.fault(soap.messageId(), f));
        }
    }

    private String dispatch(SoapRequest request) throws SoapFault {
        String uri = request.resourceUri();
        ResourceClass resource = classes.get(Namespaces.className(uri));
        if (resource == null || !uri.equals(Namespaces.resourceUri(resource.className()))) {
            throw SoapFault.destinationUnreachable();
        }
        List<Instance> instances = resource.instances().apply(device);
        if (instances == null) {
            throw SoapFault.destinationUnreachable();
        }
        String action = request.action();
        ReplyNamespaces namespaces = new ReplyNamespaces();
        if (action.equals(Operation.GET.action())) {
            return SoapWriter.reply(request, Operation.GET.responseAction(),
                    selected(resource, instances, request).toXml(namespaces), namespaces);
        }
        if (action.equals(Operation.PUT.action())) {
            if (resource.put() == null || request.content() == null) {
                throw SoapFault.actionNotSupported(action);
            }
            selected(resource, instances, request);
            Instance updated = resource.put().apply(device, CimObject.from(request.content()));
            return SoapWriter.reply(request, Operation.PUT.responseAction(), updated.toXml(namespaces), namespaces);
        }
        if (action.equals(Operation.ENUMERATE.action())) {
            return SoapWriter.reply(request, Operation.ENUMERATE.responseAction(), "<g:EnumerateResponse>"
                    + "<g:EnumerationContext>" + open(instances) + "</g:EnumerationContext></g:EnumerateResponse>",
                    namespaces);
        }
        if (action.equals(Operation.PULL.action())) {
            return pull(request);
        }
        if (action.equals(Operation.CREATE.action()) && resource.create() != null && request.content() != null) {
            String created = resource.create().apply(device, CimObject.from(request.content()));
            return SoapWriter.reply(request, Operation.CREATE.responseAction(), "<t:ResourceCreated xmlns:t=\""
                    + Namespaces.TRANSFER + "\">" + created + "</t:ResourceCreated>", namespaces);
        }
        if (action.equals(Operation.DELETE.action()) && resource.delete() != null) {
            resource.delete().apply(device, request.selectors());
            return SoapWriter.reply(request, Operation.DELETE.responseAction(), "", namespaces);
        }
        String method = request.method();
        ResourceClass.Method handler = method == null ? null : resource.methods().get(method);
        if (handler == null) {
            throw SoapFault.actionNotSupported(action);
        }
        return SoapWriter.reply(request, action + "Response",
                handler.invoke(device, request.input()).toXml(namespaces), namespaces);
    }

    /** The instance a Get or Put names by its key selectors; a keyed class with no match has no such instance. */
    private static Instance selected(ResourceClass resource, List<Instance> instances, SoapRequest request)
            throws SoapFault {
        for (Instance instance : instances) {
            if (instance.matches(resource.keys(), request.selectors())) {
                return instance;
            }
        }
        throw SoapFault.destinationUnreachable();
    }

    private String open(List<Instance> instances) {
        if (enumerations.size() >= MAX_OPEN_ENUMERATIONS) {
            // Like AMT, abandoned enumerations are dropped when the table fills up.
            enumerations.clear();
        }
        String context = UUID.randomUUID().toString().toUpperCase();
        enumerations.put(context, new ArrayDeque<>(instances));
        return context;
    }

    private String pull(SoapRequest request) throws SoapFault {
        Element pull = request.content();
        Element ctx = pull == null ? null : ResponseEnvelope.child(pull, Namespaces.ENUMERATION, "EnumerationContext");
        Deque<Instance> remaining = ctx == null ? null : enumerations.get(ctx.getTextContent().trim());
        if (remaining == null) {
            throw SoapFault.invalidContext();
        }
        Element maxElement = ResponseEnvelope.child(pull, Namespaces.ENUMERATION, "MaxElements");
        int max = 1;
        if (maxElement != null) {
            try {
                max = Math.max(1, Math.min(100, Integer.parseInt(maxElement.getTextContent().trim())));
            } catch (NumberFormatException e) {
                throw SoapFault.invalidHeader("MaxElements");
            }
        }
        ReplyNamespaces namespaces = new ReplyNamespaces();
        StringBuilder items = new StringBuilder();
        synchronized (remaining) {
            for (int i = 0; i < max && !remaining.isEmpty(); i++) {
                items.append(remaining.removeFirst().toXml(namespaces));
            }
        }
        String context = ctx.getTextContent().trim();
        if (remaining.isEmpty()) {
            enumerations.remove(context);
            return SoapWriter.reply(request, Operation.PULL.responseAction(), "<g:PullResponse><g:Items>" + items
                    + "</g:Items><g:EndOfSequence></g:EndOfSequence></g:PullResponse>", namespaces);
        }
        return SoapWriter.reply(request, Operation.PULL.responseAction(), "<g:PullResponse><g:EnumerationContext>"
                + context + "</g:EnumerationContext><g:Items>" + items + "</g:Items></g:PullResponse>", namespaces);
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
