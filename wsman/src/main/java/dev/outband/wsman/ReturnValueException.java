package dev.outband.wsman;

/** A method ran but its ReturnValue was not 0. */
public final class ReturnValueException extends WsmanException {
    private final String method;
    private final long returnValue;

    public ReturnValueException(String method, long returnValue) {
        super(method + " failed: " + ReturnValues.name(returnValue) + " (" + returnValue + ")", null);
        this.method = method;
        this.returnValue = returnValue;
    }

    public String method() {
        return method;
    }

    public long returnValue() {
        return returnValue;
    }

    public String returnValueName() {
        return ReturnValues.name(returnValue);
    }
}
