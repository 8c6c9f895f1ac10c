package io.openta.model.ofd;

import java.io.IOException;

/** Receives the records of a file in file order; {@code recordNo} is 1-based. */
@FunctionalInterface
public interface RecordConsumer {
    void accept(long recordNo, OfdRecord record) throws IOException;
}
