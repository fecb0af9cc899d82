package dev.outband.app.ui.edit;

import dev.outband.app.store.Device;
import dev.outband.app.store.DeviceDraft;
import dev.outband.app.store.HostNames;
import dev.outband.app.store.Reach;
import dev.outband.app.store.Tags;
import dev.outband.app.store.TlsMode;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Add/Edit form: fields, per-field errors and whether OK is allowed. Errors appear once a field
 * has been typed in, so a fresh form is not red all over. A device reached through a CIRA tunnel has no host or TLS
 * to edit (the tunnel carries it); a password needs a user to sign in with. Needs no running JavaFX toolkit.
 */
public final class DeviceFormViewModel {
    private final boolean editing;
    private final boolean tunnelled;
    private final boolean hasPassword;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("admin");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty tags = new SimpleStringProperty("");
    private final BooleanProperty tls = new SimpleBooleanProperty(false);
    private final BooleanProperty nameTouched = new SimpleBooleanProperty(false);
    private final BooleanProperty hostTouched = new SimpleBooleanProperty(false);
    private final StringBinding nameProblem;
    private final StringBinding hostProblem;
    private final StringBinding userProblem;
    private final BooleanBinding valid;

    public DeviceFormViewModel(Device existing, Predicate<String> nameTaken) {
        editing = existing != null;
        tunnelled = existing != null && existing.reach().kind() == Reach.Kind.CIRA;
        hasPassword = existing != null && existing.password() != null;
        if (existing != null) {
            name.set(existing.name());
            host.set(existing.address());
            user.set(existing.user() == null ? "" : existing.user());
            tags.set(String.join(", ", existing.tags()));
            tls.set(existing.tls() != TlsMode.NONE);
        }
        name.addListener((o, a, b) -> nameTouched.set(true));
        host.addListener((o, a, b) -> hostTouched.set(true));
        nameProblem = Bindings.createStringBinding(() -> {
            String n = name.get().strip();
            if (n.isEmpty()) {
                return "Name is required";
            }
            if (n.length() > 200) {
                return "Name is longer than 200 characters";
            }
            return nameTaken.test(n) ? "A device with this name already exists" : "";
        }, name);
        hostProblem = Bindings.createStringBinding(() -> {
            String problem = tunnelled ? null : HostNames.problem(host.get());
            return problem == null ? "" : problem;
        }, host);
        // Without a user a password signs in nowhere ("No credentials found" later); say so now.
        userProblem = Bindings.createStringBinding(() -> user.get().isBlank()
                && (hasPassword || !password.get().isEmpty()) ? "Enter the AMT user the password belongs to" : "",
                user, password);
        valid = nameProblem.isEmpty().and(hostProblem.isEmpty()).and(userProblem.isEmpty());
    }

    /** The error to show under the name field ("" when none or not typed yet). */
    public StringBinding nameError() {
        return Bindings.createStringBinding(() -> nameTouched.get() ? nameProblem.get() : "", nameTouched, nameProblem);
    }

    public StringBinding hostError() {
        return Bindings.createStringBinding(() -> hostTouched.get() ? hostProblem.get() : "", hostTouched, hostProblem);
    }

    public StringBinding userError() {
        return userProblem;
    }

    /** Reached through a CIRA tunnel: Host and TLS mean nothing to edit. */
    public boolean tunnelled() {
        return tunnelled;
    }

    /** Whether a password is stored, so an empty field keeps it. */
    public boolean hasPassword() {
        return hasPassword;
    }

    public BooleanBinding valid() {
        return valid;
    }

    public boolean editing() {
        return editing;
    }

    public DeviceDraft toDraft() {
        return new DeviceDraft(name.get().strip(), host.get().strip(), user.get(), password.get(), tls.get(),
                Tags.parse(tags.get()));
    }

    public StringProperty name() {
        return name;
    }

    public StringProperty host() {
        return host;
    }

    public StringProperty user() {
        return user;
    }

    public StringProperty password() {
        return password;
    }

    public StringProperty tags() {
        return tags;
    }

    public BooleanProperty tls() {
        return tls;
    }
}
