package io.openta.runtime.staging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.openta.model.events.Traffic;
import io.openta.runtime.config.OpenTaConfig;

/**
 * The day's output files wait here, one folder per day and stage, until the day completes; only then does the
 * scheduler publish them to the outbox (spec 2.8: files go out only when the day completes). Rolling a stage back
 * deletes its folder. Stress (shadow) days stage under {@value #SHADOW_FOLDER} of the root ({@link #of}), apart
 * from production's days.
 */
@ApplicationScoped
public class Staging {
    /** The folder of the staging root that holds the shadow days' files (not a date: no day folder takes it). */
    public static final String SHADOW_FOLDER = "shadow";

    private final Path root;

    @Inject
    public Staging(OpenTaConfig config) {
        this(Path.of(config.stagingDir()));
    }

    private Staging(Path root) {
        this.root = root;
    }

    /** The staging area of {@code traffic}'s days: this one for production, its shadow folder for stress days. */
    public Staging of(Traffic traffic) {
        return traffic == Traffic.SHADOW ? new Staging(root.resolve(SHADOW_FOLDER)) : this;
    }

    public Path root() {
        return root;
    }

    public Path stageDir(String date, String stage) {
        return root.resolve(date).resolve(stage);
    }

    /** A temporary path beside {@code target}; write there, then {@link #commit} it. */
    public Path tempFor(Path target) {
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target.resolveSibling("." + target.getFileName() + ".tmp");
    }

    public void commit(Path temp, Path target) {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every staged file of a day, all stages (hidden temporaries excluded), sorted by name. */
    public List<Path> stagedFiles(String date) {
        Path day = root.resolve(date);
        if (!Files.isDirectory(day)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(day)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void deleteStage(String date, String stage) {
        deleteTree(stageDir(date, stage));
    }

    public void deleteDay(String date) {
        deleteTree(root.resolve(date));
    }

    /** Drops the staged files of every day before {@code date} (their days can no longer be rolled back). */
    public void deleteDaysBefore(String date) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> days = Files.list(root)) {
            for (Path day : days.toList()) {
                if (day.getFileName().toString().compareTo(date) < 0) {
                    deleteTree(day);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
