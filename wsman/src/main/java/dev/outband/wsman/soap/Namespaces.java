package dev.outband.wsman.soap;

/** XML namespaces and action URIs of WS-Management as AMT speaks it. */
public final class Namespaces {
    public static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    public static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public static final String ENUMERATION = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public static final String TRANSFER = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    public static final String EVENTING = "http://schemas.xmlsoap.org/ws/2004/08/eventing";
    public static final String ANONYMOUS = ADDRESSING + "/role/anonymous";
    public static final String FAULT_ACTION = ADDRESSING + "/fault";

    public static final String CIM = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    public static final String AMT = "http://intel.com/wbem/wscim/1/amt-schema/1/";
    public static final String IPS = "http://intel.com/wbem/wscim/1/ips-schema/1/";

    private Namespaces() {
    }

    /** The resource URI of a class, from its prefix (CIM_, AMT_, IPS_). */
    public static String resourceUri(String className) {
        if (className.startsWith("CIM_")) {
            return CIM + className;
        }
        if (className.startsWith("AMT_")) {
            return AMT + className;
        }
        if (className.startsWith("IPS_")) {
            return IPS + className;
        }
        throw new IllegalArgumentException("unknown class prefix: " + className);
    }

    /** The class name at the end of a resource URI. */
    public static String className(String resourceUri) {
        return resourceUri.substring(resourceUri.lastIndexOf('/') + 1);
    }
}
