package dev.outband.app.ui.details.network;

import dev.outband.wsman.amt.network.EthernetPort;
import dev.outband.wsman.amt.network.WiredSettings;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The wired-settings form: the mode, the static fields, and what is wrong with each (empty when fine). */
final class WiredForm {
    private final ObjectProperty<WiredSettings.Mode> mode = new SimpleObjectProperty<>();
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty mask = new SimpleStringProperty("");
    private final StringProperty gateway = new SimpleStringProperty("");
    private final StringProperty primaryDns = new SimpleStringProperty("");
    private final StringProperty secondaryDns = new SimpleStringProperty("");
    private final StringBinding addressError;
    private final StringBinding maskError;
    private final StringBinding gatewayError;
    private final StringBinding primaryDnsError;
    private final StringBinding secondaryDnsError;
    private final BooleanBinding valid;

    /** Starts from what the port has now. */
    WiredForm(EthernetPort current) {
        mode.set(WiredSettings.modeOf(current));
        address.set(current.ipAddress());
        mask.set(current.subnetMask());
        gateway.set(current.defaultGateway());
        primaryDns.set(current.primaryDns());
        secondaryDns.set(current.secondaryDns());
        addressError = check(address, "an IPv4 address such as 192.168.1.20", false);
        maskError = Bindings.createStringBinding(() -> !isStatic() ? "" : Ipv4.parse(mask.get()).map(Ipv4::mask)
                .orElse(false) ? "" : "a mask such as 255.255.255.0", mode, mask);
        gatewayError = Bindings.createStringBinding(this::gatewayProblem, mode, address, mask, gateway);
        primaryDnsError = check(primaryDns, "the DNS server's IPv4 address", false);
        secondaryDnsError = check(secondaryDns, "an IPv4 address, or empty", true);
        valid = Bindings.createBooleanBinding(() -> addressError.get().isEmpty() && maskError.get().isEmpty()
                        && gatewayError.get().isEmpty() && primaryDnsError.get().isEmpty()
                        && secondaryDnsError.get().isEmpty(),
                addressError, maskError, gatewayError, primaryDnsError, secondaryDnsError);
    }

    private StringBinding check(StringProperty field, String expected, boolean optional) {
        return Bindings.createStringBinding(() -> !isStatic() || optional && field.get().isBlank()
                || Ipv4.parse(field.get()).isPresent() ? "" : expected, mode, field);
    }

    private String gatewayProblem() {
        if (!isStatic()) {
            return "";
        }
        var gw = Ipv4.parse(gateway.get());
        if (gw.isEmpty()) {
            return "the gateway's IPv4 address";
        }
        var ip = Ipv4.parse(address.get());
        var m = Ipv4.parse(mask.get()).filter(Ipv4::mask);
        if (ip.isPresent() && m.isPresent() && (ip.get() & m.get()) != (gw.get() & m.get())) {
            return "not in the address's subnet";
        }
        return "";
    }

    boolean isStatic() {
        return mode.get() == WiredSettings.Mode.STATIC;
    }

    WiredSettings settings() {
        return isStatic() ? WiredSettings.staticAddress(address.get().strip(), mask.get().strip(),
                gateway.get().strip(), primaryDns.get().strip(), secondaryDns.get().strip())
                : WiredSettings.of(mode.get());
    }

    ObjectProperty<WiredSettings.Mode> mode() {
        return mode;
    }

    StringProperty address() {
        return address;
    }

    StringProperty mask() {
        return mask;
    }

    StringProperty gateway() {
        return gateway;
    }

    StringProperty primaryDns() {
        return primaryDns;
    }

    StringProperty secondaryDns() {
        return secondaryDns;
    }

    StringBinding addressError() {
        return addressError;
    }

    StringBinding maskError() {
        return maskError;
    }

    StringBinding gatewayError() {
        return gatewayError;
    }

    StringBinding primaryDnsError() {
        return primaryDnsError;
    }

    StringBinding secondaryDnsError() {
        return secondaryDnsError;
    }

    BooleanBinding valid() {
        return valid;
    }
}
