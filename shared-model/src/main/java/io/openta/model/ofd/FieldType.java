package io.openta.model.ofd;

/**
 * Field types of the OFD dictionary (spec 1.2).
 * <ul>
 *   <li>{@code A}: text of ASCII characters (0x20-0x7E), left-aligned, padded on the right with spaces;</li>
 *   <li>{@code C}: text (GBK bytes), left-aligned, padded on the right with spaces;</li>
 *   <li>{@code N}: exactly {@code width} digits, zero-filled on the left, {@code decimals} implied decimals, no
 *       sign, no point.</li>
 * </ul>
 * Readers do not check {@code A} and {@code C} content; writers accept any bytes except CR and LF.
 */
public enum FieldType { A, C, N }
