package dev.outband.wsman.amt.remoteaccess;

import java.time.Duration;

/** When the device opens its tunnel (AMT_RemoteAccessPolicyRule): user-initiated, on an alert, or periodically. */
public record PolicyRule(String name, Trigger trigger, Duration interval) {
    /** AMT's Trigger numbers. */
    public enum Trigger {
        USER_INITIATED(0), ALERT(1), PERIODIC(2);

        private final int number;

        Trigger(int number) {
            this.number = number;
        }

        public int number() {
            return number;
        }

        static Trigger of(long number) {
            for (Trigger t : values()) {
                if (t.number == number) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown remote access trigger " + number);
        }
    }
}
