package io.openta.runtime.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.openta.model.events.Traffic;

/**
 * The header against the field (issue 12): every command, task and result carries its traffic mark twice, in the
 * envelope's {@code traffic} field and in the Kafka header {@link Traffic#HEADER}. A record whose two marks disagree
 * was written by a sender that lost track of which side it serves, so neither mark can be trusted: the receivers
 * (the functions' task consumers, the scheduler's inbox) park it with one log line and count it in
 * {@value #METRIC}, and never run it. A record without the header reads as production, as one without the field
 * does; a header that is not a mark disagrees with any field.
 */
@ApplicationScoped
public class TrafficMarkCheck {
    /** Counter of records refused for disagreeing marks, tagged {@code topic}. */
    public static final String METRIC = "openta.messages.mark.mismatched";
    private static final Logger LOG = Logger.getLogger(TrafficMarkCheck.class);

    private final Parking parking;
    private final MeterRegistry metrics;

    public TrafficMarkCheck(Parking parking, MeterRegistry metrics) {
        this.parking = parking;
        this.metrics = metrics;
    }

    /**
     * True when the record's header and {@code field} disagree: the record is then parked and counted, and the caller
     * must not handle it.
     */
    public boolean refuses(String topic, Integer partition, Long offset, String payload, Headers headers,
            Traffic field) {
        Optional<String> why = mismatch(headers, field);
        if (why.isEmpty()) {
            return false;
        }
        LOG.errorf("refusing a record of %s (partition %s, offset %s): %s", topic, partition, offset, why.get());
        metrics.counter(METRIC, "topic", topic).increment();
        parking.park(topic, partition, offset, payload, why.get());
        return true;
    }

    /** Why the header's mark and the field's disagree, or empty when they agree. */
    public static Optional<String> mismatch(Headers headers, Traffic field) {
        Traffic inField = Traffic.orProduction(field);
        Header header = headers == null ? null : headers.lastHeader(Traffic.HEADER);
        String text = header == null || header.value() == null ? null
                : new String(header.value(), StandardCharsets.UTF_8);
        Traffic inHeader;
        try {
            inHeader = Traffic.parse(text);
        } catch (IllegalArgumentException e) {
            return Optional.of("its " + Traffic.HEADER + " header '" + text + "' is not a traffic mark (field: "
                    + inField + "): not run");
        }
        if (inHeader == inField) {
            return Optional.empty();
        }
        return Optional.of("its " + Traffic.HEADER + " header says " + inHeader + (header == null ? " (absent)" : "")
                + " but its traffic field says " + inField + ": not run");
    }
}
