package dev.outband.simulator.activation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What rps puts, as JSON text, in the message of its final success or error (rpc-go's StatusMessage). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StatusMessage(@JsonProperty("Status") String status, @JsonProperty("Network") String network,
        @JsonProperty("CIRAConnection") String ciraConnection,
        @JsonProperty("TLSConfiguration") String tlsConfiguration) {
}
