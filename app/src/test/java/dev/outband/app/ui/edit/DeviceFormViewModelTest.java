package dev.outband.app.ui.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outband.app.store.DeviceDraft;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceFormViewModelTest {
    private final DeviceFormViewModel form = new DeviceFormViewModel(null, "taken"::equals);

    @Test
    void aFreshFormIsInvalidButShowsNoErrorsYet() {
        assertThat(form.valid().get()).isFalse();
        assertThat(form.nameError().get()).isEmpty();
        assertThat(form.hostError().get()).isEmpty();
    }

    @Test
    void eachFieldAtFaultGetsItsOwnMessage() {
        form.name().set("taken");
        form.host().set("300.1.2.3");
        assertThat(form.nameError().get()).isEqualTo("A device with this name already exists");
        assertThat(form.hostError().get()).isEqualTo("Not a valid IPv4 address");
        assertThat(form.valid().get()).isFalse();
    }

    @Test
    void aValidFormYieldsTheDraftWithParsedTags() {
        form.name().set("pc-9");
        form.host().set("2001:db8::9");
        form.tls().set(true);
        form.password().set("pw");
        form.tags().set("lab, floor2 ,lab");
        assertThat(form.valid().get()).isTrue();
        DeviceDraft draft = form.toDraft();
        assertThat(draft.tags()).isEqualTo(List.of("lab", "floor2"));
        assertThat(draft.tls()).isTrue();
        assertThat(draft.toString()).doesNotContain("pw,").doesNotContain("password");
    }
}
