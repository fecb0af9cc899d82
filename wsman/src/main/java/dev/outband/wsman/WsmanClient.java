package dev.outband.wsman;

import dev.outband.wsman.http.EnvelopeTransport;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.Reference;
import dev.outband.wsman.soap.RequestEnvelope;
import dev.outband.wsman.soap.ResponseEnvelope;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** The generic WS-Man operations against one device. */
public final class WsmanClient {
    private final EnvelopeTransport transport;
    private final WsmanSettings settings;

    public WsmanClient(EnvelopeTransport transport, WsmanSettings settings) {
        this.transport = transport;
        this.settings = settings;
    }

    public CimObject get(Reference target) throws WsmanException {
        return CimObject.from(send(RequestEnvelope.get(target, settings.operationTimeout())).content());
    }

    public CimObject get(String className) throws WsmanException {
        return get(Reference.of(className));
    }

    public CimObject put(Reference target, List<Argument> properties) throws WsmanException {
        return CimObject.from(send(RequestEnvelope.put(target, properties, settings.operationTimeout())).content());
    }

    public ResponseEnvelope create(Reference target, List<Argument> properties) throws WsmanException {
        return send(RequestEnvelope.create(target, properties, settings.operationTimeout()));
    }

    public void delete(Reference target) throws WsmanException {
        send(RequestEnvelope.delete(target, settings.operationTimeout()));
    }

    /** WS-Eventing Subscribe to an event filter; see {@link RequestEnvelope#subscribe}. */
    public void subscribe(Reference filter, String deliveryMode, String notifyTo) throws WsmanException {
        send(RequestEnvelope.subscribe(filter, deliveryMode, notifyTo, settings.operationTimeout()));
    }

    /** WS-Eventing Unsubscribe of the subscription joining {@code filter} and {@code handler}. */
    public void unsubscribe(Reference subscription, Reference filter, Reference handler) throws WsmanException {
        send(RequestEnvelope.unsubscribe(subscription, filter, handler, settings.operationTimeout()));
    }

    /** Enumerate, then Pull pages of MaxElements until EndOfSequence. */
    public List<CimObject> enumerate(String className) throws WsmanException {
        Reference target = Reference.of(className);
        Element response = send(RequestEnvelope.enumerate(target, settings.operationTimeout())).content();
        Element context = ResponseEnvelope.child(response, Namespaces.ENUMERATION, "EnumerationContext");
        if (context == null) {
            throw new WsmanException.MalformedReply("EnumerateResponse without EnumerationContext", null);
        }
        String ctx = context.getTextContent().trim();
        List<CimObject> items = new ArrayList<>();
        while (true) {
            Element pull = send(RequestEnvelope.pull(target, ctx, settings.pullMaxElements(),
                    settings.operationTimeout())).content();
            Element itemsElement = ResponseEnvelope.child(pull, Namespaces.ENUMERATION, "Items");
            if (itemsElement != null) {
                for (Element item : ResponseEnvelope.elements(itemsElement)) {
                    items.add(CimObject.from(item));
                }
            }
            if (items.size() > settings.maxEnumerationItems()) {
                throw new WsmanException.MalformedReply("more than " + settings.maxEnumerationItems() + " items", null);
            }
            if (ResponseEnvelope.child(pull, Namespaces.ENUMERATION, "EndOfSequence") != null) {
                return items;
            }
            Element next = ResponseEnvelope.child(pull, Namespaces.ENUMERATION, "EnumerationContext");
            if (next == null) {
                throw new WsmanException.MalformedReply("PullResponse without context or EndOfSequence", null);
            }
            ctx = next.getTextContent().trim();
        }
    }

    /** Invokes a method; a non-zero ReturnValue becomes {@link ReturnValueException}. */
    public CimObject invoke(Reference target, String method, List<Argument> inputs) throws WsmanException {
        CimObject output = invokeUnchecked(target, method, inputs);
        long rv = output.getLong("ReturnValue", -1);
        if (rv != 0) {
            throw new ReturnValueException(method, rv);
        }
        return output;
    }

    /** Invokes a method and returns its output whatever the ReturnValue. */
    public CimObject invokeUnchecked(Reference target, String method, List<Argument> inputs) throws WsmanException {
        return CimObject.from(send(RequestEnvelope.invoke(target, method, inputs, settings.operationTimeout())).content());
    }

    private ResponseEnvelope send(RequestEnvelope request) throws WsmanException {
        return ResponseEnvelope.parse(transport.post(request.xml()), request.messageId());
    }
}
