/**
 * OFD exchange-file codec, contract v2 section 1 ({@code openta-exchange-and-clearing-v2.md}): GBK byte rules
 * ({@link io.openta.model.ofd.Gbk}), the field dictionaries of versions 20/21 and 22
 * ({@link io.openta.model.ofd.FieldDictionary}), file types and the standard layouts of the output files
 * ({@link io.openta.model.ofd.FileType}), data and index file names, the streaming whole-file check of 1.5
 * ({@link io.openta.model.ofd.OfdReader}), index files of 1.7 ({@link io.openta.model.ofd.OfdIndex}), a streaming
 * record reader, exact record and file writers, and the ReturnCode texts.
 *
 * <h2>Byte strings</h2>
 * Text inside files is GBK and widths are bytes, so this package never decodes records: it represents text as
 * a <b>byte string</b>, a {@link java.lang.String} whose chars are the file's bytes decoded as ISO-8859-1 (one
 * char per byte, 0x00-0xFF). Record fields are substrings of the record line and a field's width is its
 * length. Files are written by encoding byte strings with ISO-8859-1, so GBK bytes go out exactly as they came
 * in; such strings are stored compactly (one byte per char) by the JVM. Use {@link io.openta.model.ofd.Gbk#bytes}
 * to turn Unicode text into a byte string and {@link io.openta.model.ofd.Gbk#decode} for the reverse (display
 * only). Comparing byte strings with {@link java.lang.String#compareTo} orders them by unsigned bytes, which is
 * the byte order of spec 1.3.
 *
 * <h2>Data</h2>
 * The contract's data files are byte-identical copies of {@code spec/v2/*.tsv} under the class-path folder
 * {@code io/openta/model/ofd/v2/}, loaded at class initialisation.
 *
 * <p>Lines are written with CRLF and read with CRLF or LF. Plain Java, no dependencies.
 */
package io.openta.model.ofd;
