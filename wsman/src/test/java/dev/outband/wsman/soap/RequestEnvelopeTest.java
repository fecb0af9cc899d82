package dev.outband.wsman.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.w3c.dom.Document;

@Timeout(5)
class RequestEnvelopeTest {
    @Test
    void anInvokeCarriesActionSelectorsAndAnEprArgumentAsWellFormedXml() throws Exception {
        Reference service = Reference.of("CIM_PowerManagementService", "Name", "Intel(r) AMT Power Management Service");
        RequestEnvelope e = RequestEnvelope.invoke(service, "RequestPowerStateChange", List.of(
                Argument.of("PowerState", 8),
                Argument.epr("ManagedElement", Reference.of("CIM_ComputerSystem", "Name", "ManagedSystem"))),
                Duration.ofSeconds(60));
        Document doc = SecureXml.parse(e.xml().getBytes(StandardCharsets.UTF_8));

        assertThat(e.messageId()).startsWith("uuid:");
        assertThat(doc.getElementsByTagNameNS(Namespaces.ADDRESSING, "Action").item(0).getTextContent())
                .isEqualTo(Namespaces.CIM + "CIM_PowerManagementService/RequestPowerStateChange");
        assertThat(doc.getElementsByTagNameNS(Namespaces.WSMAN, "Selector").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagNameNS(Namespaces.ADDRESSING, "ReferenceParameters").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagNameNS(Namespaces.CIM + "CIM_PowerManagementService", "PowerState")
                .item(0).getTextContent()).isEqualTo("8");
    }

    @Test
    void twoEnvelopesNeverShareAMessageId() {
        Reference r = Reference.of("AMT_GeneralSettings");
        assertThat(RequestEnvelope.get(r, Duration.ofSeconds(1)).messageId())
                .isNotEqualTo(RequestEnvelope.get(r, Duration.ofSeconds(1)).messageId());
    }

    @Test
    void createPutAndDeleteUseTheirTransferActionsAndCarryTheInstanceBody() throws Exception {
        Reference r = Reference.of("AMT_TLSCredentialContext", "InstanceID", "x");
        Duration t = Duration.ofSeconds(5);
        Document create = SecureXml.parse(RequestEnvelope.create(r, List.of(Argument.of("ElementName", "a&b")), t)
                .xml().getBytes(StandardCharsets.UTF_8));
        assertThat(create.getElementsByTagNameNS(Namespaces.ADDRESSING, "Action").item(0).getTextContent())
                .isEqualTo(Namespaces.TRANSFER + "/Create");
        assertThat(create.getElementsByTagNameNS(Namespaces.AMT + "AMT_TLSCredentialContext", "ElementName")
                .item(0).getTextContent()).isEqualTo("a&b");
        assertThat(RequestEnvelope.put(r, List.of(), t).xml()).contains(Namespaces.TRANSFER + "/Put");
        assertThat(RequestEnvelope.delete(r, t).xml()).contains(Namespaces.TRANSFER + "/Delete")
                .contains("<w:Selector Name=\"InstanceID\">x</w:Selector>");
    }
}
