package io.openta.access.users;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.openta.access.config.AccessConfig;

/**
 * The users of the users file ({@code openta.access.config}), read once at start. Without a file there are no users:
 * nobody can sign in (there is no built-in user or password).
 */
@ApplicationScoped
public class Users {
    private static final Logger LOG = Logger.getLogger(Users.class);

    private final Map<String, AccessUser> byName;

    public Users(AccessConfig config) {
        List<AccessUser> users;
        if (config.config().isEmpty()) {
            LOG.warn("no users file (openta.access.config): nobody can sign in over SFTP");
            users = List.of();
        } else {
            try {
                users = UsersFile.read(config.config().get());
            } catch (IOException e) {
                throw new UncheckedIOException("reading the users file " + config.config().get(), e);
            }
            LOG.infof("%d users from %s", users.size(), config.config().get());
        }
        this.byName = users.stream().collect(Collectors.toUnmodifiableMap(AccessUser::name, Function.identity()));
    }

    public Optional<AccessUser> byName(String name) {
        return Optional.ofNullable(name).map(byName::get);
    }

    /** All users, in name order. */
    public List<AccessUser> all() {
        return byName.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    /** The users with {@code role}, in name order. */
    public List<AccessUser> withRole(Role role) {
        return byName.values().stream().filter(u -> u.role() == role)
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }
}
