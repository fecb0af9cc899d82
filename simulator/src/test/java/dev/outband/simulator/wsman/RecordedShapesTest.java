package dev.outband.simulator.wsman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.outband.simulator.device.Display;
import dev.outband.wsman.WsmanSettings;
import dev.outband.wsman.amt.DeviceEndpoint;
import dev.outband.wsman.amt.HttpClients;
import dev.outband.wsman.http.WsmanTransport;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Namespaces;
import dev.outband.wsman.soap.Reference;
import dev.outband.wsman.soap.RequestEnvelope;
import dev.outband.wsman.soap.ResponseEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * The classes management servers read, as the simulator answers them through our WS-Man client, compared
 * with real AMT replies recorded in the public go-wsman-messages repository
 * (pkg/wsman/wsmantesting/responses/…): the instance element, its namespace (the class's resource URI) and
 * its property elements in AMT's order, and where the namespace is declared (on the Envelope, never on the
 * instance). The expected lists below are transcribed from those recordings.
 */
@Timeout(30)
class RecordedShapesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String COMMON = "http://schemas.dmtf.org/wbem/wscim/1/common";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    /** What a recorded reply shows for one item: the class enumerated, the item's class and properties. */
    record Shape(String enumerated, String itemClass, List<String> properties) {
        @Override
        public String toString() {
            return enumerated + " → " + itemClass;
        }
    }

    static List<Shape> recorded() {
        List<String> card = List.of("CanBeFRUed", "CreationClassName", "ElementName", "Manufacturer", "Model",
                "OperationalStatus", "PackageType", "SerialNumber", "Tag", "Version");
        return List.of(
                // cim/physical/package/pull.xml
                new Shape("CIM_PhysicalPackage", "CIM_Card", card),
                // cim/card/pull.xml
                new Shape("CIM_Card", "CIM_Card", card),
                // cim/system/packaging/pull.xml
                new Shape("CIM_SystemPackaging", "CIM_ComputerSystemPackage",
                        List.of("Antecedent", "Dependent", "PlatformGUID")),
                // cim/chip/pull.xml
                new Shape("CIM_Chip", "CIM_Chip", List.of("CanBeFRUed", "CreationClassName", "ElementName",
                        "Manufacturer", "OperationalStatus", "Tag", "Version")),
                // cim/boot/sourcesetting/pull.xml
                new Shape("CIM_BootSourceSetting", "CIM_BootSourceSetting",
                        List.of("ElementName", "FailThroughSupported", "InstanceID", "StructuredBootString")),
                // amt/ethernetport/pull.xml, the wired port (the wireless one is checked below), with the
                // IPAddress a port with a lease reports, in AMT's (ASCII) order of properties
                new Shape("AMT_EthernetPortSettings", "AMT_EthernetPortSettings", List.of("DHCPEnabled",
                        "DefaultGateway", "ElementName", "IPAddress", "InstanceID", "IpSyncEnabled", "LinkIsUp",
                        "LinkPolicy", "MACAddress", "PhysicalConnectionType", "PrimaryDNS", "SharedDynamicIP", "SharedMAC",
                        "SharedStaticIp", "SubnetMask")),
                // ips/alarmclock/get.xml (its pull.xml puts the properties in the wrong namespace; Get does not)
                new Shape("IPS_AlarmClockOccurrence", "IPS_AlarmClockOccurrence",
                        List.of("ElementName", "InstanceID", "StartTime", "Interval", "DeleteOnCompletion")),
                // ips/screensetting/pull.xml
                new Shape("IPS_ScreenSettingData", "IPS_ScreenSettingData", List.of("ElementName", "InstanceID",
                        "IsActive", "PrimaryIndex", "QuadraryIndex", "ResolutionX", "ResolutionY", "SecondaryIndex",
                        "TertiaryIndex", "UpperLeftX", "UpperLeftY")),
                // cim/concrete/dependency/pull.xml
                new Shape("CIM_ConcreteDependency", "CIM_ConcreteDependency", List.of("Antecedent", "Dependent")),
                // cim/physical/memory/pull.xml
                new Shape("CIM_PhysicalMemory", "CIM_PhysicalMemory", List.of("BankLabel", "Capacity",
                        "ConfiguredMemoryClockSpeed", "CreationClassName", "ElementName", "FormFactor", "IsSpeedInMhz",
                        "Manufacturer", "MaxMemorySpeed", "MemoryType", "PartNumber", "SerialNumber", "Speed", "Tag")),
                // cim/ethernetport/pull.xml
                new Shape("CIM_EthernetPort", "CIM_EthernetPort", List.of("CreationClassName", "Description",
                        "DeviceID", "ElementName", "EnabledDefault", "EnabledState", "LinkTechnology", "MaxSpeed",
                        "OperationalStatus", "PortType", "RequestedState", "Speed", "SystemCreationClassName",
                        "SystemName")),
                // cim/wifi/port/pull.xml
                new Shape("CIM_WiFiPort", "CIM_WiFiPort", List.of("CreationClassName", "DeviceID", "ElementName",
                        "EnabledState", "HealthState", "LinkTechnology", "PortType", "RequestedState",
                        "SystemCreationClassName", "SystemName")),
                // cim/wifi/endpointsettings/pull.xml
                new Shape("CIM_WiFiEndpointSettings", "CIM_WiFiEndpointSettings", List.of("AuthenticationMethod",
                        "BSSType", "ElementName", "EncryptionMethod", "InstanceID", "Priority", "SSID")),
                // amt/authorization/get.xml
                new Shape("AMT_AuthorizationService", "AMT_AuthorizationService", List.of("AllowHttpQopAuthOnly",
                        "CreationClassName", "ElementName", "EnabledState", "Name", "RequestedState",
                        "SystemCreationClassName", "SystemName")),
                // cim/software/identity/pull.xml
                new Shape("CIM_SoftwareIdentity", "CIM_SoftwareIdentity",
                        List.of("InstanceID", "IsEntity", "VersionString")));
    }

    @ParameterizedTest(name = "{0} has the recorded shape")
    @MethodSource("recorded")
    void anEnumeratedClassHasTheShapeOfTheRecordedAmtReply(Shape shape) throws Exception {
        try (Fixture sim = new Fixture()) {
            List<Element> items = pull(sim, shape.enumerated());

            Element item = items.stream().filter(e -> e.getLocalName().equals(shape.itemClass())).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + shape.itemClass() + " in " + shape.enumerated()));
            assertThat(item.getNamespaceURI()).isEqualTo(Namespaces.resourceUri(shape.itemClass()));
            assertThat(propertyNames(item)).containsExactlyElementsOf(shape.properties());
            assertThat(ResponseEnvelope.elements(item)).allSatisfy(
                    p -> assertThat(p.getNamespaceURI()).isEqualTo(item.getNamespaceURI()));
            // As in every recording: the class namespace declared on the Envelope, the instance bare.
            assertThat(item.getAttributes().getLength()).as("attributes on the instance element").isZero();
            assertThat(item.getOwnerDocument().getDocumentElement().getAttributeNS(XMLNS, item.getPrefix()))
                    .isEqualTo(item.getNamespaceURI());
            assertThat(sim.client().wsman().enumerate(shape.enumerated())).as("our client reads every item")
                    .hasSameSizeAs(items);
        }
    }

    @Test
    void physicalPackagesAreTheBaseBoardAndTheChassisAndChipsIncludeTheMemory() throws Exception {
        try (Fixture sim = new Fixture()) {
            assertThat(sim.client().wsman().enumerate("CIM_PhysicalPackage")).extracting(CimObject::className)
                    .containsExactly("CIM_Card", "CIM_Chassis");
            assertThat(sim.client().wsman().enumerate("CIM_Chip")).extracting(CimObject::className)
                    .containsExactly("CIM_Chip", "CIM_PhysicalMemory", "CIM_PhysicalMemory");
            assertThat(sim.client().wsman().get("CIM_Card").get("ElementName")).isEqualTo("Managed System Base Board");
        }
    }

    @Test
    void bootSourcesAndPortSettingsCarryTheRecordedIdentifiers() throws Exception {
        try (Fixture sim = new Fixture()) {
            // cim/boot/sourcesetting/pull.xml
            assertThat(sim.client().wsman().enumerate("CIM_BootSourceSetting"))
                    .extracting(o -> o.get("InstanceID"), o -> o.get("StructuredBootString"))
                    .containsExactly(
                            tuple("Intel(r) AMT: Force Hard-drive Boot", "CIM:Hard-Disk:1"),
                            tuple("Intel(r) AMT: Force PXE Boot", "CIM:Network:1"),
                            tuple("Intel(r) AMT: Force CD/DVD Boot", "CIM:CD/DVD:1"));
            // amt/ethernetport/pull.xml: the wireless port's properties
            Element wireless = pull(sim, "AMT_EthernetPortSettings").get(1);
            assertThat(propertyNames(wireless)).containsExactly("ConsoleTcpMaxRetransmissions", "DHCPEnabled",
                    "ElementName", "InstanceID", "LinkControl", "LinkIsUp", "LinkPreference", "MACAddress",
                    "PhysicalConnectionType", "SharedMAC", "WLANLinkProtectionLevel");
            assertThat(sim.client().wsman().enumerate("AMT_EthernetPortSettings").getFirst().get("MACAddress"))
                    .matches("([0-9a-f]{2}-){5}[0-9a-f]{2}");
        }
    }

    /** The DMTF common namespace wraps datetimes and intervals, as go-wsman-messages' AddAlarm template shows. */
    @Test
    void theAlarmsStartTimeAndIntervalAreWrappedInTheCommonNamespace() throws Exception {
        try (Fixture sim = new Fixture()) {
            Element alarm = pull(sim, "IPS_AlarmClockOccurrence").getFirst();
            Element start = ResponseEnvelope.child(alarm, alarm.getNamespaceURI(), "StartTime");
            Element interval = ResponseEnvelope.child(alarm, alarm.getNamespaceURI(), "Interval");

            assertThat(ResponseEnvelope.child(start, COMMON, "Datetime").getTextContent()).endsWith("T02:00:00Z");
            assertThat(ResponseEnvelope.child(interval, COMMON, "Interval").getTextContent()).isEqualTo("P7D");
        }
    }

    /** Shapes from ips/power/managementservice/get.xml and requestospowersavingstatechange.xml. */
    @Test
    void theOsGoesToPowerSavingAndBackAndNotWhileTheMachineIsOff() throws Exception {
        try (Fixture sim = new Fixture()) {
            Reference service = Reference.of("IPS_PowerManagementService");
            assertThat(sim.client().wsman().get(service).properties().keySet()).containsExactly("CreationClassName",
                    "ElementName", "EnabledState", "Name", "RequestedState", "SystemCreationClassName", "SystemName",
                    "OSPowerSavingState");

            CimObject saving = sim.client().wsman().invokeUnchecked(service, "RequestOSPowerSavingStateChange",
                    List.of(Argument.of("OSPowerSavingState", "3")));
            assertThat(saving.className()).isEqualTo("RequestOSPowerSavingStateChange_OUTPUT");
            assertThat(saving.getLong("ReturnValue", -1)).isZero();
            assertThat(sim.client().wsman().get(service).getLong("OSPowerSavingState", -1)).isEqualTo(3);
            assertThat(sim.device.display()).isEqualTo(Display.BLACK);

            sim.client().wsman().invoke(service, "RequestOSPowerSavingStateChange",
                    List.of(Argument.of("OSPowerSavingState", "2")));
            assertThat(sim.client().wsman().get(service).getLong("OSPowerSavingState", -1)).isEqualTo(2);
            assertThat(sim.device.display()).isEqualTo(Display.DESKTOP);

            assertThat(sim.device.requestPowerState(8)).isZero();
            assertThat(sim.client().wsman().invokeUnchecked(service, "RequestOSPowerSavingStateChange",
                    List.of(Argument.of("OSPowerSavingState", "2"))).getLong("ReturnValue", -1)).isNotZero();
        }
    }

    /** Every item of an enumeration, as elements straight from the reply, through our WS-Man transport. */
    private static List<Element> pull(Fixture sim, String className) throws Exception {
        WsmanSettings settings = WsmanSettings.defaults();
        DeviceEndpoint endpoint = sim.endpoint(sim.device.credentials());
        WsmanTransport transport = new WsmanTransport(HttpClients.forDevice(HttpClients.shared(), endpoint, settings),
                HttpUrl.get("http://127.0.0.1:" + sim.ports.httpPort() + "/wsman"), settings);
        Reference target = Reference.of(className);
        RequestEnvelope enumerate = RequestEnvelope.enumerate(target, TIMEOUT);
        Element response = ResponseEnvelope.parse(transport.post(enumerate.xml()), enumerate.messageId()).content();
        String context = ResponseEnvelope.child(response, Namespaces.ENUMERATION, "EnumerationContext")
                .getTextContent().trim();
        RequestEnvelope pull = RequestEnvelope.pull(target, context, 100, TIMEOUT);
        Element pulled = ResponseEnvelope.parse(transport.post(pull.xml()), pull.messageId()).content();
        assertThat(ResponseEnvelope.child(pulled, Namespaces.ENUMERATION, "EndOfSequence")).isNotNull();
        return ResponseEnvelope.elements(ResponseEnvelope.child(pulled, Namespaces.ENUMERATION, "Items"));
    }

    /** Property element names in order, a repeated (array) property named once. */
    private static List<String> propertyNames(Element item) {
        List<String> names = new ArrayList<>();
        for (Element p : ResponseEnvelope.elements(item)) {
            if (names.isEmpty() || !names.getLast().equals(p.getLocalName())) {
                names.add(p.getLocalName());
            }
        }
        return names;
    }
}
