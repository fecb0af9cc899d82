package dev.outband.simulator.wsman;

import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.soap.CimObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
        Delete delete) {

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

        public ResourceClass build() {
            return new ResourceClass(className, instances, put, Map.copyOf(methods), keys, create, delete);
        }
    }
}
