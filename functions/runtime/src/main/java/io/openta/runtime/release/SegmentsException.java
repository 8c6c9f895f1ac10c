package io.openta.runtime.release;

/** A segments file refused: the message is one line naming the file, the step (when one is at fault) and why. */
public class SegmentsException extends RuntimeException {
    public SegmentsException(String file, String step, String reason) {
        super("segments file " + file + (step == null ? "" : ": step " + step) + ": " + reason);
    }
}
