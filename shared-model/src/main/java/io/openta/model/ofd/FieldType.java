package io.openta.model.ofd;

/**
 * Field types of the OFD dictionary (spec 1.2).
 * <ul>
 *   <li>{@code A}: digits, left-aligned, right-padded with spaces (writers accept any printable ASCII, so
 *       echoed junk can be written back);</li>
 *   <li>{@code C}: printable ASCII 0x20-0x7E, left-aligned, right-padded with spaces;</li>
 *   <li>{@code N}: exactly {@code width} digits, zero-padded on the left, {@code decimals} implied decimals.</li>
 * </ul>
 */
public enum FieldType { A, C, N }
