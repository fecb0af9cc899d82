package dev.outband.wsman.soap;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** A WS-Man request as written on the wire; the MessageID is fresh for each envelope. */
public record RequestEnvelope(String messageId, String xml) {

    public static RequestEnvelope build(String action, Reference target, String body, Duration operationTimeout) {
        return build(action, target.resourceUri(), target.selectorSetXml(), body, operationTimeout);
    }

    /** {@code selectorSet} is the whole SelectorSet element (or empty), for selectors whose values are EPRs. */
    private static RequestEnvelope build(String action, String resourceUri, String selectorSet, String body,
                                         Duration operationTimeout) {
        String messageId = "uuid:" + UUID.randomUUID();
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<s:Envelope xmlns:s=\"" + Namespaces.SOAP + "\" xmlns:a=\"" + Namespaces.ADDRESSING
                + "\" xmlns:w=\"" + Namespaces.WSMAN + "\"><s:Header>"
                + "<a:Action>" + Xml.escape(action) + "</a:Action>"
                + "<a:To>/wsman</a:To>"
                + "<w:ResourceURI>" + Xml.escape(resourceUri) + "</w:ResourceURI>"
                + "<a:MessageID>" + messageId + "</a:MessageID>"
                + "<a:ReplyTo><a:Address>" + Namespaces.ANONYMOUS + "</a:Address></a:ReplyTo>"
                + "<w:OperationTimeout>PT" + operationTimeout.toSeconds() + "S</w:OperationTimeout>"
                + selectorSet
                + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
        return new RequestEnvelope(messageId, xml);
    }

    public static RequestEnvelope get(Reference target, Duration timeout) {
        return build(Operation.GET.action(), target, "", timeout);
    }

    public static RequestEnvelope delete(Reference target, Duration timeout) {
        return build(Operation.DELETE.action(), target, "", timeout);
    }

    public static RequestEnvelope put(Reference target, List<Argument> properties, Duration timeout) {
        return build(Operation.PUT.action(), target, instanceBody(target, properties), timeout);
    }

    public static RequestEnvelope create(Reference target, List<Argument> properties, Duration timeout) {
        return build(Operation.CREATE.action(), target, instanceBody(target, properties), timeout);
    }

    public static RequestEnvelope enumerate(Reference target, Duration timeout) {
        return build(Operation.ENUMERATE.action(), target,
                "<Enumerate xmlns=\"" + Namespaces.ENUMERATION + "\"/>", timeout);
    }

    public static RequestEnvelope pull(Reference target, String context, int maxElements, Duration timeout) {
        return build(Operation.PULL.action(), target, "<Pull xmlns=\"" + Namespaces.ENUMERATION
                + "\"><EnumerationContext>" + Xml.escape(context) + "</EnumerationContext><MaxElements>"
                + maxElements + "</MaxElements></Pull>", timeout);
    }

    public static RequestEnvelope invoke(Reference target, String method, List<Argument> inputs, Duration timeout) {
        StringBuilder body = new StringBuilder("<h:").append(method).append("_INPUT xmlns:h=\"")
                .append(Xml.escape(target.resourceUri())).append("\">");
        inputs.forEach(a -> body.append(a.toXml()));
        body.append("</h:").append(method).append("_INPUT>");
        return build(target.resourceUri() + "/" + method, target, body.toString(), timeout);
    }

    /**
     * A WS-Eventing Subscribe to an event filter (CIM_FilterCollection by InstanceID): the device then pushes
     * the events it passes to {@code notifyTo} in the given delivery mode (a WS-Eventing or WS-Man mode URI).
     */
    public static RequestEnvelope subscribe(Reference filter, String deliveryMode, String notifyTo, Duration timeout) {
        return build(Operation.SUBSCRIBE.action(), filter, "<e:Subscribe xmlns:e=\"" + Namespaces.EVENTING + "\">"
                + "<e:Delivery Mode=\"" + Xml.escape(deliveryMode) + "\"><e:NotifyTo><a:Address>" + Xml.escape(notifyTo)
                + "</a:Address></e:NotifyTo></e:Delivery></e:Subscribe>", timeout);
    }

    /** A WS-Eventing Unsubscribe of the subscription that joins {@code filter} to {@code handler} (both EPR selectors). */
    public static RequestEnvelope unsubscribe(Reference subscription, Reference filter, Reference handler,
                                              Duration timeout) {
        String selectors = "<w:SelectorSet><w:Selector Name=\"Filter\"><a:EndpointReference>" + filter.eprXml()
                + "</a:EndpointReference></w:Selector><w:Selector Name=\"Handler\"><a:EndpointReference>"
                + handler.eprXml() + "</a:EndpointReference></w:Selector></w:SelectorSet>";
        return build(Operation.UNSUBSCRIBE.action(), subscription.resourceUri(), selectors,
                "<e:Unsubscribe xmlns:e=\"" + Namespaces.EVENTING + "\"/>", timeout);
    }

    private static String instanceBody(Reference target, List<Argument> properties) {
        String className = Namespaces.className(target.resourceUri());
        StringBuilder body = new StringBuilder("<h:").append(className).append(" xmlns:h=\"")
                .append(Xml.escape(target.resourceUri())).append("\">");
        properties.forEach(p -> body.append(p.toXml()));
        return body.append("</h:").append(className).append(">").toString();
    }
}
