package dev.outband.simulator.wsman;

import dev.outband.wsman.soap.Namespaces;

/** A fault the device answers with, shaped like AMT's (code, subcode in its namespace, reason). */
public final class SoapFault extends Exception {
    private final String code;
    private final String subcodeNamespace;
    private final String subcode;

    public SoapFault(String code, String subcodeNamespace, String subcode, String reason) {
        super(reason, null, false, false);
        this.code = code;
        this.subcodeNamespace = subcodeNamespace;
        this.subcode = subcode;
    }

    public static SoapFault destinationUnreachable() {
        return new SoapFault("Sender", Namespaces.ADDRESSING, "DestinationUnreachable",
                "No route can be determined to reach the destination role defined by the WS-Addressing To.");
    }

    public static SoapFault actionNotSupported(String action) {
        return new SoapFault("Sender", Namespaces.ADDRESSING, "ActionNotSupported",
                "The action is not supported by the service: " + action);
    }

    public static SoapFault invalidHeader(String detail) {
        return new SoapFault("Sender", Namespaces.ADDRESSING, "InvalidMessageInformationHeader",
                "A message information header is not valid: " + detail);
    }

    public static SoapFault invalidContext() {
        return new SoapFault("Receiver", Namespaces.ENUMERATION, "InvalidEnumerationContext",
                "The supplied enumeration context is invalid.");
    }

    /** WS-Transfer's fault for a Put whose instance has a value the class does not take. */
    public static SoapFault invalidRepresentation(String property) {
        return new SoapFault("Sender", Namespaces.TRANSFER, "InvalidRepresentation",
                "The XML content was invalid: " + property);
    }

    public static SoapFault invalidSelectors() {
        return new SoapFault("Sender", Namespaces.WSMAN, "InvalidSelectors",
                "The Selectors for the resource were not valid.");
    }

    public String code() {
        return code;
    }

    public String subcodeNamespace() {
        return subcodeNamespace;
    }

    public String subcode() {
        return subcode;
    }
}
