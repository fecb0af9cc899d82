package dev.outband.wsman;

/** The device answered with a SOAP fault. */
public final class SoapFaultException extends WsmanException {
    private final String code;
    private final String subcode;
    private final String reason;

    public SoapFaultException(String code, String subcode, String reason) {
        super("AMT refused the request: " + reason + " (" + subcode + ")", null);
        this.code = code;
        this.subcode = subcode;
        this.reason = reason;
    }

    public String code() {
        return code;
    }

    public String subcode() {
        return subcode;
    }

    public String reason() {
        return reason;
    }
}
