package io.openta.access.sftp;

import java.nio.file.Path;

/**
 * Where a path of a user's SFTP view points: the view is {@code /}, {@code /upload/<file>} and
 * {@code /download/<YYYYMMDD>/<file>}; everything else is {@link Kind#OTHER}. Paths are those of the user's rooted
 * file system (MINA confines them to the user's folder); they are normalised here, and names that are not plain
 * names never classify as files.
 */
record AreaPath(Kind kind, String date, String name) {

    enum Kind { ROOT, UPLOAD_DIR, UPLOAD_FILE, DOWNLOAD_DIR, DOWNLOAD_DATE_DIR, DOWNLOAD_FILE, OTHER }

    static final String UPLOAD = "upload";
    static final String DOWNLOAD = "download";

    static AreaPath of(Path path) {
        Path p = path.toAbsolutePath().normalize();
        int n = p.getNameCount();
        String[] parts = new String[n];
        for (int i = 0; i < n; i++) {
            parts[i] = p.getName(i).toString();
        }
        if (n == 0) {
            return new AreaPath(Kind.ROOT, null, null);
        }
        if (parts[0].equals(UPLOAD)) {
            return switch (n) {
                case 1 -> new AreaPath(Kind.UPLOAD_DIR, null, null);
                case 2 -> new AreaPath(Kind.UPLOAD_FILE, null, parts[1]);
                default -> other();
            };
        }
        if (parts[0].equals(DOWNLOAD)) {
            if (n == 1) {
                return new AreaPath(Kind.DOWNLOAD_DIR, null, null);
            }
            if (!parts[1].matches("[0-9]{8}")) {
                return other();
            }
            return switch (n) {
                case 2 -> new AreaPath(Kind.DOWNLOAD_DATE_DIR, parts[1], null);
                case 3 -> new AreaPath(Kind.DOWNLOAD_FILE, parts[1], parts[2]);
                default -> other();
            };
        }
        return other();
    }

    private static AreaPath other() {
        return new AreaPath(Kind.OTHER, null, null);
    }
}
