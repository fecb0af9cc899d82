package dev.outband.simulator.wsman;

import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.soap.CimObject;
import dev.outband.wsman.soap.Reference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * One CIM/AMT/IPS class the device answers: its instances, an optional Put, Create and Delete, and its methods.
 * {@code keys} name the selectors that pick one instance for Get and Put; empty means the first instance.
 */
public record ResourceClass(
        String className,
        Function<VirtualDevice, List<Instance>> instances,
        Put put,
        Map<String, Method> methods,
        List<String> keys,
        Create create,
        Delete delete,
        Subscribe subscribe,
        Unsubscribe unsubscribe) {

    @FunctionalInterface
    public interface Put {
        Instance apply(VirtualDevice device, CimObject body) throws SoapFault;
    }

    @FunctionalInterface
    public interface Method {
        Instance invoke(VirtualDevice device, CimObject input) throws SoapFault;
    }

    /** Create: the body's instance element; returns the created instance's EPR content (b: and c: prefixes). */
    @FunctionalInterface
    public interface Create {
        String apply(VirtualDevice device, CimObject body) throws SoapFault;
    }

    /** Delete of the instance the selectors name (an EPR-valued selector arrives as its text). */
    @FunctionalInterface
    public interface Delete {
        void apply(VirtualDevice device, Map<String, String> selectors) throws SoapFault;
    }

    /** WS-Eventing Subscribe to the instance the selectors name; {@code body} is the Subscribe element. */
    @FunctionalInterface
    public interface Subscribe {
        void apply(VirtualDevice device, Map<String, String> selectors, Element body) throws SoapFault;
    }

    /** WS-Eventing Unsubscribe of the instance that EPR-valued selectors name. */
    @FunctionalInterface
    public interface Unsubscribe {
        void apply(VirtualDevice device, Map<String, Reference> selectors) throws SoapFault;
    }

    public static Builder of(String className, Function<VirtualDevice, List<Instance>> instances) {
        return new Builder(className, instances);
    }

    public static final class Builder {
        private final String className;
        private final Function<VirtualDevice, List<Instance>> instances;
        private final Map<String, Method> methods = new HashMap<>();
        private Put put;
        private List<String> keys = List.of();
        private Create create;
        private Delete delete;
        private Subscribe subscribe;
        private Unsubscribe unsubscribe;

        private Builder(String className, Function<VirtualDevice, List<Instance>> instances) {
            this.className = className;
            this.instances = instances;
        }

        public Builder put(Put handler) {
            this.put = handler;
            return this;
        }

        public Builder method(String name, Method handler) {
            methods.put(name, handler);
            return this;
        }

        public Builder keys(String... names) {
            this.keys = List.of(names);
            return this;
        }

        public Builder create(Create handler) {
            this.create = handler;
            return this;
        }

        public Builder delete(Delete handler) {
            this.delete = handler;
            return this;
        }

        public Builder subscribe(Subscribe handler) {
            this.subscribe = handler;
            return this;
        }

        public Builder unsubscribe(Unsubscribe handler) {
            this.unsubscribe = handler;
            return this;
        }

        public ResourceClass build() {
            return new ResourceClass(className, instances, put, Map.copyOf(methods), keys, create, delete, subscribe,
                    unsubscribe);
        }
    }
}
