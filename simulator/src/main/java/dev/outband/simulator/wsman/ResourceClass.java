package dev.outband.simulator.wsman;

import dev.outband.simulator.device.VirtualDevice;
import dev.outband.wsman.soap.CimObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One CIM/AMT/IPS class the device answers: its instances, an optional Put and its methods. */
public record ResourceClass(
        String className,
        Function<VirtualDevice, List<Instance>> instances,
        Put put,
        Map<String, Method> methods) {

    @FunctionalInterface
    public interface Put {
        Instance apply(VirtualDevice device, CimObject body) throws SoapFault;
    }

    @FunctionalInterface
    public interface Method {
        Instance invoke(VirtualDevice device, CimObject input) throws SoapFault;
    }

    public static Builder of(String className, Function<VirtualDevice, List<Instance>> instances) {
        return new Builder(className, instances);
    }

    public static final class Builder {
        private final String className;
        private final Function<VirtualDevice, List<Instance>> instances;
        private final Map<String, Method> methods = new HashMap<>();
        private Put put;

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

        public ResourceClass build() {
            return new ResourceClass(className, instances, put, Map.copyOf(methods));
        }
    }
}
