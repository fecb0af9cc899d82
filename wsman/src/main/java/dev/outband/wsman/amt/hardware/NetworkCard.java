package dev.outband.wsman.amt.hardware;

/**
 * A network interface AMT manages: wired or wireless, its MAC address, whether its link is up, and the link
 * speed in bits per second where AMT reports one (CIM_EthernetPort; 0 when unknown).
 */
public record NetworkCard(String name, boolean wireless, String macAddress, boolean linkUp, long speedBitsPerSecond) {
}
