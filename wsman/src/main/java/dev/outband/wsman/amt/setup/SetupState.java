package dev.outband.wsman.amt.setup;

import java.util.List;

/**
 * What IPS_HostBasedSetupService reports: the control mode now (0 pre-provisioning, 1 client, 2 admin), the
 * modes host-based setup may reach, and the nonce an admin setup signature must cover.
 */
public record SetupState(int currentControlMode, List<Integer> allowedControlModes, byte[] configurationNonce) {
    public static final int PRE_PROVISIONING = 0;
    public static final int CLIENT_CONTROL = 1;
    public static final int ADMIN_CONTROL = 2;

    public SetupState {
        allowedControlModes = List.copyOf(allowedControlModes);
        configurationNonce = configurationNonce.clone();
    }

    public boolean provisioned() {
        return currentControlMode != PRE_PROVISIONING;
    }
}
