package dev.outband.wsman.amt.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.Reference;
import dev.outband.wsman.soap.RequestEnvelope;
import dev.outband.wsman.soap.ResponseEnvelope;
import dev.outband.wsman.soap.SecureXml;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Subscribe and Unsubscribe as MeshCommander sends them to AMT (amt-wsman-0.2.0.js ExecSubscribe/ExecUnSubscribe
 * and index.html's deleteSubscriptionButton): the WS-Eventing action URIs, Subscribe on CIM_FilterCollection by
 * InstanceID with Delivery/NotifyTo/Address, Unsubscribe on CIM_FilterCollectionSubscription whose Filter and
 * Handler selectors are EndpointReferences (the handler a CIM_ListenerDestinationWSManagement whose
 * CreationClassName is "CIM_ListenerDestinationWSMAN").
 */
class EventingEnvelopeTest {
    @Test
    void subscribeNamesTheFilterAndTheAddressEventsArePushedTo() throws Exception {
        Element root = parse(RequestEnvelope.subscribe(Reference.of("CIM_FilterCollection", "InstanceID",
                "Intel(r) AMT:All"), EventSubscriptionService.PUSH_WITH_ACK, "http://192.0.2.10:8080/e?a=1&b=2",
                Duration.ofSeconds(5)));
        Element header = ResponseEnvelope.child(root, Namespaces.SOAP, "Header");
        assertThat(text(header, Namespaces.ADDRESSING, "Action"))
                .isEqualTo("http://schemas.xmlsoap.org/ws/2004/08/eventing/Subscribe");
        assertThat(text(header, Namespaces.WSMAN, "ResourceURI"))
                .isEqualTo("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_FilterCollection");
        assertThat(ResponseEnvelope.child(header, Namespaces.WSMAN, "SelectorSet").getTextContent())
                .isEqualTo("Intel(r) AMT:All");
        Element subscribe = ResponseEnvelope.firstElement(ResponseEnvelope.child(root, Namespaces.SOAP, "Body"));
        Element delivery = ResponseEnvelope.child(subscribe, Namespaces.EVENTING, "Delivery");
        assertThat(delivery.getAttribute("Mode")).isEqualTo("http://schemas.dmtf.org/wbem/wsman/1/wsman/PushWithAck");
        assertThat(delivery.getTextContent()).isEqualTo("http://192.0.2.10:8080/e?a=1&b=2");
    }

    @Test
    void unsubscribeNamesTheSubscriptionByItsFilterAndHandlerReferences() throws Exception {
        EventSubscription subscription = new EventSubscription("Intel(r) AMT:All", "Subscriber 1", "http://x/", 3);
        Element root = parse(RequestEnvelope.unsubscribe(Reference.of("CIM_FilterCollectionSubscription"),
                Reference.of("CIM_FilterCollection", "InstanceID", subscription.filterId()),
                Reference.of("CIM_ListenerDestinationWSManagement", "CreationClassName", "CIM_ListenerDestinationWSMAN",
                        "Name", subscription.listenerName()), Duration.ofSeconds(5)));
        Element header = ResponseEnvelope.child(root, Namespaces.SOAP, "Header");
        assertThat(text(header, Namespaces.ADDRESSING, "Action"))
                .isEqualTo("http://schemas.xmlsoap.org/ws/2004/08/eventing/Unsubscribe");
        var selectors = ResponseEnvelope.elements(ResponseEnvelope.child(header, Namespaces.WSMAN, "SelectorSet"));
        assertThat(selectors).extracting(s -> s.getAttribute("Name")).containsExactly("Filter", "Handler");
        Reference filter = Reference.fromEpr(ResponseEnvelope.child(selectors.get(0), Namespaces.ADDRESSING,
                "EndpointReference")).orElseThrow();
        Reference handler = Reference.fromEpr(ResponseEnvelope.child(selectors.get(1), Namespaces.ADDRESSING,
                "EndpointReference")).orElseThrow();
        assertThat(filter.selector("InstanceID")).isEqualTo("Intel(r) AMT:All");
        assertThat(handler.resourceUri()).endsWith("/CIM_ListenerDestinationWSManagement");
        assertThat(handler.selector("CreationClassName")).isEqualTo("CIM_ListenerDestinationWSMAN");
        assertThat(handler.selector("Name")).isEqualTo("Subscriber 1");
    }

    private static Element parse(RequestEnvelope envelope) throws Exception {
        return SecureXml.parse(envelope.xml().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    private static String text(Element parent, String ns, String name) {
        return ResponseEnvelope.child(parent, ns, name).getTextContent();
    }
}
