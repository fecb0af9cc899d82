package dev.outband.app.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.h2.api.ErrorCode;

/**
 * The encrypted H2 file database {@code outband} in the data folder ({@link StoreDatabase}), migrated on
 * open ({@link Schema}). One embedded connection serves the whole process (AUTO_SERVER=FALSE: the console
 * owns the file). A store of an older version (a clear H2 file, passwords not bound to their rows) is
 * converted on its first open; a master password can be set, changed or removed while the store is open.
 */
public final class DeviceStore implements AutoCloseable {
    public static final int MIN_MASTER_PASSWORD = 8;
    /** How the console names itself as the store's holder; a store it holds is refused at once, as it is not let go soon. */
    public static final String CONSOLE = "the console";
    /** How long an open waits for another process to let go of the store. */
    public static final Duration IN_USE_WAIT = Duration.ofSeconds(5);
    private static final Duration IN_USE_POLL = Duration.ofMillis(250);

    private final Path folder;
    private final DeviceRepository devices;
    private final SourceRepository sources;
    private final ProfileRepository profiles;
    private final SecretFiles secrets;
    private final StoreOwner owner;
    private final boolean borrowed;
    private volatile Keyring keyring;

    private DeviceStore(Path folder, Connection connection, Keyring keyring, StoreOwner owner) {
        this.folder = folder;
        this.owner = owner;
        this.borrowed = false;
        this.keyring = keyring;
        SecretBox box = new SecretBox(keyring.current());
        this.devices = new DeviceRepository(connection, box);
        this.sources = new SourceRepository(devices);
        this.profiles = new ProfileRepository(devices);
        this.secrets = new SecretFiles(folder, box);
    }

    private DeviceStore(DeviceStore lender) {
        this.folder = lender.folder;
        this.owner = lender.owner;
        this.borrowed = true;
        this.keyring = lender.keyring;
        this.devices = lender.devices;
        this.sources = lender.sources;
        this.profiles = lender.profiles;
        this.secrets = lender.secrets;
    }

    /**
     * This open store for a command the owner runs for another process (see the CLI's OwnerDoor): the same
     * repositories, and a close that leaves the store open for its owner.
     */
    public DeviceStore borrowed() {
        return new DeviceStore(this);
    }

    /** True when opening the store will ask for a master password. */
    public static boolean isProtected(Path folder) {
        try {
            return Keyring.isProtected(folder);
        } catch (IOException unreadable) {
            // open() reports it in its own words.
            return false;
        }
    }

    /** Opens (creating on first run) the store in {@code folder}; asks for the master password only if the store has one. */
    public static DeviceStore open(Path folder, Supplier<char[]> masterPassword)
            throws IOException, WrongMasterPasswordException {
        return open(folder, masterPassword, "an outband command");
    }

    /**
     * As {@link #open(Path, Supplier)}, for a process that says what it is ({@code holder}, e.g. "the console")
     * to another that finds the store in use. A store held by another process is waited for up to
     * {@link #IN_USE_WAIT} (a command finishing; the console is not waited for), then refused with a {@link StoreInUseException} naming it.
     * The keyring is read only once the store is this process's, as the holder may have changed it.
     */
    public static DeviceStore open(Path folder, Supplier<char[]> masterPassword, String holder)
            throws IOException, WrongMasterPasswordException {
        DataFolder.ensureExists(folder);
        Supplier<char[]> askedOnce = new AskedOnce(masterPassword);
        long deadline = System.nanoTime() + IN_USE_WAIT.toNanos();
        while (true) {
            Optional<StoreOwner> owner = StoreOwner.claim(folder, holder);
            if (owner.isPresent()) {
                try {
                    return openWith(folder, Keyring.load(folder, askedOnce), owner.get());
                } catch (SQLException e) {
                    owner.get().close();
                    // An older version holds the file without the owner lock: H2 says only that it is locked.
                    if (e.getErrorCode() != ErrorCode.DATABASE_ALREADY_OPEN_1) {
                        throw new StoreException("Cannot open the device store in " + folder, e);
                    }
                } catch (GeneralSecurityException e) {
                    owner.get().close();
                    throw new StoreException("Cannot open the device store in " + folder, e);
                } catch (IOException | WrongMasterPasswordException | RuntimeException e) {
                    owner.get().close();
                    throw e;
                }
            }
            if (System.nanoTime() > deadline || StoreOwner.holder(folder).filter(h -> h.what().equals(CONSOLE)).isPresent()) {
                throw new StoreInUseException(folder, null);
            }
            pause();
        }
    }

    private static DeviceStore openWith(Path folder, Keyring loaded, StoreOwner owner)
            throws IOException, SQLException, GeneralSecurityException {
        if (owner.inheritsUncleanShutdown()) {
            StoreDatabase.recover(folder, Stream.of(loaded.current(), loaded.previous()).filter(Objects::nonNull).toList());
        }
        Keyring keyring = finishMoves(folder, loaded);
        Connection connection = StoreDatabase.connect(folder, keyring.current());
        try {
            // H2 creates its files with the process umask.
            DataFolder.restrict(folder);
            Schema.DEVICES.migrate(connection, StoreDatabase.url(folder), StoreDatabase.password(keyring.current()));
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return new DeviceStore(folder, connection, keyring, owner);
    }

    /** The master password, asked for at most once however often the store is tried. */
    private static final class AskedOnce implements Supplier<char[]> {
        private final Supplier<char[]> ask;
        private char[] answer;
        private boolean asked;

        AskedOnce(Supplier<char[]> ask) {
            this.ask = ask;
        }

        @Override
        public char[] get() {
            if (!asked) {
                answer = ask.get();
                asked = true;
            }
            return answer;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(IN_USE_POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for the device store", e);
        }
    }

    /**
     * Brings the files to the keyring's current key: an older version's store is encrypted and its values
     * bound to their places; a change of key that was interrupted is completed. Every step can be
     * interrupted and is taken up again on the next open.
     */
    private static Keyring finishMoves(Path folder, Keyring keyring)
            throws IOException, SQLException, GeneralSecurityException {
        StoreDatabase.discardLeftovers(folder);
        boolean clear = StoreDatabase.isClear(folder);
        boolean saved = Files.exists(folder.resolve(Keyring.FILE));
        if (saved && !keyring.legacy() && keyring.previous() == null && !clear) {
            return keyring;
        }
        SecretKey current = keyring.current();
        SecretKey from = keyring.previous() == null ? current : keyring.previous();
        if (Files.exists(StoreDatabase.file(folder))) {
            // An encrypted file under the current key was written with its values already sealed anew.
            SecretKey fileKey = clear ? null : StoreDatabase.opensWith(folder, current) ? current : from;
            if (fileKey != current) {
                SecretBox oldBox = new SecretBox(from);
                StoreDatabase.recrypt(folder, fileKey, current,
                        next -> {
                            DeviceRepository.resealPasswords(next, oldBox, new SecretBox(current));
                            SourceRepository.resealPasswords(next, oldBox, new SecretBox(current));
                            ProfileRepository.resealSecrets(next, oldBox, new SecretBox(current));
                        });
            }
        }
        SecretFiles.reseal(folder, new SecretBox(from), new SecretBox(current));
        Keyring settled = keyring.settled();
        settled.save(folder);
        return settled;
    }

    /**
     * Sets, changes ({@code next} given) or removes ({@code next} null) the master password. The store moves
     * to a new data key: the H2 file is written anew under it and every password and secret file is sealed
     * anew, so a copy of the old key opens nothing written from now on. {@code current} must be the master
     * password when there is one. Interrupted, the change completes on the next open (with {@code next}).
     */
    public synchronized void changeMasterPassword(char[] current, char[] next)
            throws IOException, WrongMasterPasswordException {
        if (next != null && next.length < MIN_MASTER_PASSWORD) {
            throw new IllegalArgumentException("A master password needs at least " + MIN_MASTER_PASSWORD + " characters");
        }
        if (keyring.isProtected() && !keyring.unlocks(current)) {
            throw new WrongMasterPasswordException();
        }
        Keyring rotated = keyring.rotated(next == null ? null : Keyring.Protection.of(next));
        synchronized (devices) {
            rotated.save(folder);
            try {
                devices.connection().close();
                keyring = finishMoves(folder, rotated);
                SecretBox box = new SecretBox(keyring.current());
                devices.use(StoreDatabase.connect(folder, keyring.current()), box);
                secrets.useBox(box);
            } catch (SQLException | GeneralSecurityException e) {
                throw new StoreException("Cannot change the store's key; it is completed on the next start", e);
            }
        }
    }

    public boolean isProtected() {
        return keyring.isProtected();
    }

    public DeviceRepository devices() {
        return devices;
    }

    /** Remote MPS / DMT Console sources, their passwords sealed with the same key. */
    public SourceRepository sources() {
        return sources;
    }

    /** Activation profiles, their passwords and provisioning certificates sealed with the same key. */
    public ProfileRepository profiles() {
        return profiles;
    }

    /** Secrets outside the device table, sealed with the same key. */
    public SecretFiles secrets() {
        return secrets;
    }

    public Path folder() {
        return folder;
    }

    /** The database file, as shown in the status bar. */
    public Path file() {
        return StoreDatabase.file(folder);
    }

    @Override
    public void close() {
        if (borrowed) {
            return;
        }
        try (owner) {
            devices.connection().close();
            owner.markClosed();
        } catch (SQLException | IOException e) {
            throw new StoreException("Cannot close the device store", e);
        }
    }
}
