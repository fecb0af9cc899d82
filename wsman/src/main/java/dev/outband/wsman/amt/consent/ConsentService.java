package dev.outband.wsman.amt.consent;

import dev.outband.wsman.WsmanClient;
import dev.outband.wsman.WsmanException;
import dev.outband.wsman.soap.Argument;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import java.util.ArrayList;
import java.util.List;

/** User consent (IPS_OptInService): the code shown on the device screen must be typed by the technician. */
public final class ConsentService {
    private static final Reference SERVICE = Reference.of("IPS_OptInService", "CreationClassName",
            "IPS_OptInService", "Name", "Intel(r) AMT OptIn Service", "SystemCreationClassName",
            "CIM_ComputerSystem", "SystemName", "Intel(r) AMT");

    /** OptInRequired: 0 none, 1 KVM only, 0xFFFFFFFF all redirection; OptInState 0 none ... 4 in session. */
    public record ConsentStatus(long optInRequired, int optInState) {
        public boolean required() {
            return optInRequired != 0;
        }

        public String stateName() {
            return switch (optInState) {
                case 0 -> "Not started";
                case 1 -> "Requested";
                case 2 -> "Displayed";
                case 3 -> "Received";
                case 4 -> "In session";
                default -> "Unknown";
            };
        }
    }

    private final WsmanClient wsman;

    public ConsentService(WsmanClient wsman) {
        this.wsman = wsman;
    }

    public ConsentStatus status() throws WsmanException {
        CimObject o = wsman.get(SERVICE);
        return new ConsentStatus(o.getLong("OptInRequired", 0), (int) o.getLong("OptInState", 0));
    }

    /** Sets which redirection needs the user's consent: 0 none, 1 KVM only, 0xFFFFFFFF all. */
    public void require(long optInRequired) throws WsmanException {
        CimObject current = wsman.get(SERVICE);
        List<Argument> props = new ArrayList<>();
        current.properties().forEach((name, values) -> props.add(name.equals("OptInRequired")
                ? Argument.of(name, optInRequired) : new Argument.Values(name, values)));
        if (current.find("OptInRequired").isEmpty()) {
            props.add(Argument.of("OptInRequired", optInRequired));
        }
        wsman.put(SERVICE, props);
    }

    public void start() throws WsmanException {
        wsman.invoke(SERVICE, "StartOptIn", List.of());
    }

    public void sendCode(String code) throws WsmanException {
        wsman.invoke(SERVICE, "SendOptInCode", List.of(Argument.of("OptInCode", code)));
    }

    public void cancel() throws WsmanException {
        wsman.invoke(SERVICE, "CancelOptIn", List.of());
    }
}
