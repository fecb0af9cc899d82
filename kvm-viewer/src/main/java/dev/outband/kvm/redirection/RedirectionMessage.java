package dev.outband.kvm.redirection;

/** Messages of AMT's redirection layer (ports 16994/16995), before the RFB or SOL stream starts. */
public sealed interface RedirectionMessage {
    int START_SESSION = 0x10;
    int START_SESSION_REPLY = 0x11;
    int AUTHENTICATE = 0x13;
    int AUTHENTICATE_REPLY = 0x14;
    int START_KVM = 0x40;
    int START_KVM_REPLY = 0x41;

    int STATUS_OK = 0;
    int STATUS_BUSY = 2;
    int STATUS_UNSUPPORTED = 3;
    int STATUS_ERROR = 0xFF;

    int AUTH_QUERY = 0;
    int AUTH_DIGEST = 4;

    record StartSession(SessionType type) implements RedirectionMessage {}

    record StartSessionReply(int status, byte[] oemData) implements RedirectionMessage {}

    record Authenticate(int authType, byte[] data) implements RedirectionMessage {}

    /** @param status 0 accepted, 1 challenge or refusal */
    record AuthenticateReply(int status, int authType, byte[] data) implements RedirectionMessage {}

    record StartKvm() implements RedirectionMessage {}

    record StartKvmReply() implements RedirectionMessage {}
}
