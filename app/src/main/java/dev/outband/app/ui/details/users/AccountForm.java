package dev.outband.app.ui.details.users;

import dev.outband.wsman.amt.users.AccessPermission;
import dev.outband.wsman.amt.users.UserAccount;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An account form: a new user, an existing user's new password, permission and realms, or the administrator's
 * new password. Names as AMT takes them (1–16 printable ASCII characters, no colon); passwords as AMT asks for
 * them (8–32 characters with a digit, a lower and an upper case letter and a symbol).
 */
final class AccountForm {
    static final int MAX_NAME = 16;
    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 32;

    private final UserAccount editing;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirm = new SimpleStringProperty("");
    private final ObjectProperty<AccessPermission> permission = new SimpleObjectProperty<>(AccessPermission.ANY);
    private final ObservableList<Integer> realms = FXCollections.observableArrayList();
    private final StringBinding nameError;
    private final StringBinding passwordError;
    private final StringBinding confirmError;
    private final StringBinding realmsError;
    private final BooleanBinding valid;

    /** {@code editing}: the account changed, or null for a new user; {@code taken}: names already in use. */
    AccountForm(UserAccount editing, List<String> taken) {
        this.editing = editing;
        if (editing != null) {
            name.set(editing.name());
            permission.set(editing.permission());
            realms.setAll(editing.realms());
        }
        nameError = Bindings.createStringBinding(() -> nameProblem(name.get(), editing == null ? taken : List.of()),
                name);
        passwordError = Bindings.createStringBinding(() -> passwordProblem(password.get()), password);
        confirmError = Bindings.createStringBinding(() -> confirm.get().equals(password.get()) ? ""
                : "the two passwords differ", password, confirm);
        realmsError = Bindings.createStringBinding(() -> admin() || !realms.isEmpty() ? ""
                : "choose at least one thing the user may do", realms);
        valid = Bindings.createBooleanBinding(() -> nameError.get().isEmpty() && passwordError.get().isEmpty()
                && confirmError.get().isEmpty() && realmsError.get().isEmpty(),
                nameError, passwordError, confirmError, realmsError);
    }

    static String nameProblem(String name, List<String> taken) {
        if (name.isEmpty()) {
            return "a name is needed";
        }
        if (name.length() > MAX_NAME) {
            return "at most " + MAX_NAME + " characters";
        }
        if (!name.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != ':')) {
            return "letters, digits and symbols only, without spaces or ':'";
        }
        return taken.contains(name) ? "the device already has a user of that name" : "";
    }

    static String passwordProblem(String password) {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            return MIN_PASSWORD + " to " + MAX_PASSWORD + " characters";
        }
        boolean strong = password.chars().anyMatch(Character::isDigit)
                && password.chars().anyMatch(Character::isLowerCase)
                && password.chars().anyMatch(Character::isUpperCase)
                && password.chars().anyMatch(c -> !Character.isLetterOrDigit(c));
        return strong ? "" : "needs a digit, a lower and an upper case letter and a symbol";
    }

    boolean admin() {
        return editing != null && editing.admin();
    }

    boolean adding() {
        return editing == null;
    }

    UserAccount editing() {
        return editing;
    }

    StringProperty name() {
        return name;
    }

    StringProperty password() {
        return password;
    }

    StringProperty confirm() {
        return confirm;
    }

    ObjectProperty<AccessPermission> permission() {
        return permission;
    }

    ObservableList<Integer> realms() {
        return realms;
    }

    StringBinding nameError() {
        return nameError;
    }

    StringBinding passwordError() {
        return passwordError;
    }

    StringBinding confirmError() {
        return confirmError;
    }

    StringBinding realmsError() {
        return realmsError;
    }

    BooleanBinding valid() {
        return valid;
    }
}
