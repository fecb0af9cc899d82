package dev.outband.app.ui.sources;

import dev.outband.app.remote.DeviceFilter;
import dev.outband.app.remote.RemoteSources;
import dev.outband.app.remote.SourceException;
import dev.outband.app.remote.SourceListing;
import dev.outband.app.store.RemoteSource;
import dev.outband.app.store.SourceRepository;
import dev.outband.app.ui.Background;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Sources window's state: the remote MPS / DMT Console servers, each with what it last answered. */
public final class SourcesViewModel {
    /** One source as a row; {@code pinCandidate} is the SHA-256 its refused certificate offers, or null. */
    public record SourceRow(RemoteSource source, String status, String pinCandidate) {
        public String name() {
            return source.name();
        }

        public String url() {
            return source.url().toString();
        }

        public String user() {
            return source.user();
        }

        public String trust() {
            return switch (source.trust()) {
                case SYSTEM -> "System roots";
                case LAB -> "System + lab root";
                case PINNED -> "Pinned certificate";
            };
        }
    }

    /** What the Add dialog collects. */
    public record Draft(String name, String url, String user, String password, RemoteSource.Trust trust) {
    }

    private final Background background;
    private final Supplier<SourceRepository> repository;
    private final RemoteSources sources;
    private final Runnable devicesChanged;
    private final ObservableList<SourceRow> rows = FXCollections.observableArrayList();

    public SourcesViewModel(Background background, Supplier<SourceRepository> repository, RemoteSources sources,
                            Runnable devicesChanged) {
        this.background = background;
        this.repository = repository;
        this.sources = sources;
        this.devicesChanged = devicesChanged;
    }

    public ObservableList<SourceRow> rows() {
        return rows;
    }

    /** Lists the sources at once, then asks each for its devices (in parallel, off the FX thread). */
    public void refresh() {
        SourceRepository repo = repository.get();
        background.run("Reading remote sources", repo::findAll, found -> {
            rows.setAll(found.stream().map(s -> new SourceRow(s, "asking…", null)).toList());
            background.run("Asking remote sources for their devices", () -> sources.listAll(DeviceFilter.ALL),
                    this::showListings);
        });
    }

    /**
     * Checks the draft and, when it is whole, saves it with its password sealed and asks the new source for its
     * devices; returns what is wrong with the draft, or null.
     */
    public String add(Draft draft) {
        SourceRepository repo = repository.get();
        RemoteSource unsaved;
        try {
            unsaved = source(draft, repo);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (rows.stream().anyMatch(r -> r.name().equalsIgnoreCase(unsaved.name()))) {
            return "A source named " + unsaved.name() + " exists already";
        }
        background.run("Adding source " + unsaved.name(), () -> repo.insert(unsaved), saved -> changed());
        return null;
    }

    public void remove(SourceRow row) {
        SourceRepository repo = repository.get();
        background.run("Removing source " + row.name(), () -> repo.delete(row.source().id()), gone -> changed());
    }

    /** Trusts exactly the certificate the source showed when it was refused. */
    public void pin(SourceRow row) {
        SourceRepository repo = repository.get();
        background.run("Pinning the certificate of " + row.name(), () -> repo.pin(row.source().id(), row.pinCandidate()),
                pinned -> changed());
    }

    /** The draft as a source, or an IllegalArgumentException saying what is wrong with it. */
    static RemoteSource source(Draft draft, SourceRepository repo) {
        if (draft.url().isBlank()) {
            throw new IllegalArgumentException("Give the server's address, e.g. https://mps.example.com");
        }
        if (draft.password().isEmpty()) {
            throw new IllegalArgumentException("Give the password of the API user");
        }
        URI url;
        try {
            url = URI.create(draft.url().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not an address: " + draft.url().strip(), e);
        }
        String user = draft.user().isBlank() ? "admin" : draft.user().strip();
        return new RemoteSource(null, draft.name().strip(), url, user, repo.seal(draft.password()), draft.trust(), null);
    }

    private void changed() {
        refresh();
        devicesChanged.run();
    }

    private void showListings(List<SourceListing> listings) {
        rows.setAll(listings.stream().map(SourcesViewModel::row).toList());
    }

    private static SourceRow row(SourceListing listing) {
        if (!listing.ok()) {
            SourceException e = listing.error();
            String pin = e.kind() == SourceException.Kind.CERTIFICATE ? e.sha256() : null;
            return new SourceRow(listing.source(), e.getMessage(), pin);
        }
        long connected = listing.devices().stream().filter(r -> r.connected()).count();
        int total = listing.devices().size();
        return new SourceRow(listing.source(), total + (total == 1 ? " device, " : " devices, ") + connected
                + " connected", null);
    }
}
