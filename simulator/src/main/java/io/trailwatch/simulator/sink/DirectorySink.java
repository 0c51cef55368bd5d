package io.trailwatch.simulator.sink;

import io.trailwatch.simulator.delivery.LogFile;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes each file under a root directory at its S3 key, atomically (a reader never sees half a file). */
public final class DirectorySink implements LogFileSink {

    private final Path root;

    public DirectorySink(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void deliver(LogFile file) throws SinkException {
        Path target = root.resolve(file.key());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.write(tmp, file.content());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SinkException("could not write " + target + ": " + e, true, e);
        }
    }

    @Override
    public String describe() {
        return "directory " + root;
    }
}
