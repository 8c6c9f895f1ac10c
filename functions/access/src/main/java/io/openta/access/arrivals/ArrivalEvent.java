package io.openta.access.arrivals;

/**
 * The JSON event of one completed upload on {@code openta.file-arrivals} ({@code event} is {@code FILE_ARRIVED}):
 * the business date, sender code, SFTP user, file name, type ({@code 01 03 07 C1 C5}, {@code IX} for an index),
 * size in bytes, SHA-256 (hex) and when it arrived (ISO-8601).
 */
public record ArrivalEvent(String event, String date, String sender, String user, String fileName, String type,
        long size, String sha256, String arrivedAt) {
    public static final String FILE_ARRIVED = "FILE_ARRIVED";
}
