/**
 * OFD exchange-file codec (contract section 1): field dictionary, file types and
 * their layouts, file names, the streaming whole-file check of section 1.5, a
 * streaming record reader, and exact record/file writers.
 *
 * <p>Plain Java, no dependencies. Everything here is ASCII; lines are written
 * with CRLF and read with CRLF or LF.
 */
package io.openta.model.ofd;
