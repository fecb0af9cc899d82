package dev.outband.wsman.soap;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** A WS-Man request as written on the wire; the MessageID is fresh for each envelope. */
public record RequestEnvelope(String messageId, String xml) {

    public static RequestEnvelope build(String action, Reference target, String body, Duration operationTimeout) {
        String messageId = "uuid:" + UUID.randomUUID();
        String xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<s:Envelope xmlns:s=\"" + Namespaces.SOAP + "\" xmlns:a=\"" + Namespaces.ADDRESSING
                + "\" xmlns:w=\"" + Namespaces.WSMAN + "\"><s:Header>"
                + "<a:Action>" + Xml.escape(action) + "</a:Action>"
                + "<a:To>/wsman</a:To>"
                + "<w:ResourceURI>" + Xml.escape(target.resourceUri()) + "</w:ResourceURI>"
                + "<a:MessageID>" + messageId + "</a:MessageID>"
                + "<a:ReplyTo><a:Address>" + Namespaces.ANONYMOUS + "</a:Address></a:ReplyTo>"
                + "<w:OperationTimeout>PT" + operationTimeout.toSeconds() + "S</w:OperationTimeout>"
                + target.selectorSetXml()
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

    private static String instanceBody(Reference target, List<Argument> properties) {
        String className = Namespaces.className(target.resourceUri());
        StringBuilder body = new StringBuilder("<h:").append(className).append(" xmlns:h=\"")
                .append(Xml.escape(target.resourceUri())).append("\">");
        properties.forEach(p -> body.append(p.toXml()));
        return body.append("</h:").append(className).append(">").toString();
    }
}
