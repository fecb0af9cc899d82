package dev.outband.app.ui.details.users;

import atlantafx.base.theme.Styles;
import dev.outband.app.ui.details.ConfirmRemoval;
import dev.outband.app.ui.details.DetailsViewModel;
import dev.outband.app.ui.details.DevicePage;
import dev.outband.app.ui.details.SectionView;
import dev.outband.wsman.amt.users.Realms;
import dev.outband.wsman.amt.users.UserAccount;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Accounts tab: AMT's users, and adding, changing and removing them, and the administrator's password. */
public final class UsersPage {
    private final DetailsViewModel vm;
    private final DevicePage<List<UserAccount>> page;
    private final TableView<UserAccount> table = new TableView<>();
    private final Button add = new Button("Add user…", new FontIcon(Feather.USER_PLUS));
    private final Button change = new Button("Change…", new FontIcon(Feather.EDIT_2));
    private final Button remove = new Button("Remove…", new FontIcon(Feather.USER_X));

    public UsersPage(DetailsViewModel vm) {
        this.vm = vm;
        page = new DevicePage<>(vm, "users", d -> d.users());
        table.setId("userTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        table.setPrefHeight(150);
        table.getColumns().setAll(List.of(column("Name", UserAccount::name, 140),
                column("Kind", a -> a.admin() ? "Built-in administrator" : "Digest user", 160),
                column("Access", a -> a.permission().label(), 130),
                column("May use", a -> a.admin() ? "Everything" : String.join(", ",
                        a.realms().stream().map(Realms::name).toList()), 300)));
        add.setId("addUser");
        change.setId("changeUser");
        remove.setId("removeUser");
        remove.getStyleClass().add(Styles.DANGER);
        var selected = table.getSelectionModel().selectedItemProperty();
        add.disableProperty().bind(page.ready().not());
        change.disableProperty().bind(selected.isNull().or(page.ready().not()));
        // AMT's built-in administrator cannot be removed, only given a new password.
        remove.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || selected.get().admin(), selected).or(page.ready().not()));
        add.setOnAction(e -> addUser());
        change.setOnAction(e -> changeUser(selected.get()));
        remove.setOnAction(e -> removeUser(selected.get()));
    }

    public Tab tab() {
        SectionView<List<UserAccount>> section = new SectionView<>("users", "the user accounts", page.load(),
                table, accounts -> table.getItems().setAll(accounts));
        return page.tab("Accounts", Feather.USERS, "AMT's own accounts: each logs in to AMT directly (WS-Man, KVM, "
                + "the web UI) with HTTP Digest.", section.node(), add, change, remove);
    }

    private void addUser() {
        List<String> taken = table.getItems().stream().map(UserAccount::name).toList();
        AccountDialog.show(page.window(), new AccountForm(null, taken)).ifPresent(form -> {
            String name = form.name().get();
            String password = form.password().get();
            var permission = form.permission().get();
            List<Integer> realms = List.copyOf(form.realms());
            page.change("Add user " + name, d -> {
                d.addUser(name, password, permission, realms);
                return "Added user " + name + ".";
            });
        });
    }

    private void changeUser(UserAccount account) {
        if (account == null) {
            return;
        }
        AccountDialog.show(page.window(), new AccountForm(account, List.of())).ifPresent(form -> {
            String password = form.password().get();
            if (account.admin()) {
                boolean ownLogin = vm.device().get() != null && account.name().equals(vm.device().get().user());
                page.change("Change the administrator password", d -> {
                    d.setAdmin(account.name(), password);
                    return "Changed the password of " + account.name() + (ownLogin
                            ? "; the console logs in with the new one from now on." : ".");
                }, done -> {
                    // The console's own login: store the new password, or the next read is refused.
                    if (!vm.passwordChanged(account.name(), password,
                            error -> page.failed("Store the new password", error))) {
                        page.reload();
                    }
                });
                return;
            }
            var permission = form.permission().get();
            List<Integer> realms = List.copyOf(form.realms());
            page.change("Change user " + account.name(), d -> {
                d.updateUser(account.handle(), account.name(), password, permission, realms);
                return "Changed user " + account.name() + ".";
            });
        });
    }

    private void removeUser(UserAccount account) {
        if (account == null || account.admin()) {
            return;
        }
        if (ConfirmRemoval.confirmed(page.window(), "removeUserConfirm", "Remove " + account.name(),
                "Remove " + account.name() + "?", "Whoever logs in to AMT as " + account.name()
                        + " loses access to this device.")) {
            page.change("Remove user " + account.name(), d -> {
                d.removeUser(account.handle());
                return "Removed user " + account.name() + ".";
            });
        }
    }

    private static TableColumn<UserAccount, String> column(String title, Function<UserAccount, String> value,
                                                           double width) {
        TableColumn<UserAccount, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setMinWidth(width * 0.6);
        column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
        return column;
    }
}
