package dev.outband.simulator.device;

/**
 * How much the device's certificate store and remote-access tables hold, as AMT's fixed-size flash does;
 * a call beyond a limit gets AMT's PT_STATUS_MAX_LIMIT_REACHED.
 *
 * @param keyPairs       key pairs in the certificate store
 * @param certificates   certificates (trusted roots included)
 * @param blobBytes      largest DER certificate accepted (AMT's X509Certificate is uint8[4100])
 * @param mpServers      management presence servers
 * @param detectionStrings domain suffixes for environment detection
 * @param provisioningChain certificates in a provisioning chain uploaded with AddNextCertInChain (leaf to root)
 */
public record LabLimits(int keyPairs, int certificates, int blobBytes, int mpServers, int detectionStrings,
        int provisioningChain) {
    public static LabLimits defaults() {
        return new LabLimits(16, 32, 4100, 8, 5, 4);
    }
}
