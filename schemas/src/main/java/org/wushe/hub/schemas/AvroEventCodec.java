package org.wushe.hub.schemas;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes events in Avro single-object encoding and decodes them into today's generated classes.
 *
 * <pre>
 * 0xC3 0x01 | CRC-64-AVRO fingerprint of the writer schema, 8 bytes little-endian | Avro binary body
 * </pre>
 *
 * Decoding looks the fingerprint up in the {@link SchemaCatalog} (every version kept in the repo)
 * and resolves the body from that writer schema into the current class, filling defaults for
 * fields the writer did not know. Thread-safe: one instance serves a whole service.
 */
public final class AvroEventCodec {

    private static final byte MAGIC_0 = (byte) 0xC3;
    private static final byte MAGIC_1 = (byte) 0x01;
    private static final int FINGERPRINT_LENGTH = 8;

    /** Magic and fingerprint. */
    public static final int HEADER_LENGTH = 2 + FINGERPRINT_LENGTH;

    private final SchemaCatalog catalog;
    private final ConcurrentMap<Class<?>, Writer> writers = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Reader> readers = new ConcurrentHashMap<>();

    public AvroEventCodec(SchemaCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * @throws IllegalArgumentException when the event's schema is not a version kept in the catalog
     *                                  (nobody could decode it) or the event cannot be written
     */
    public byte[] encode(SpecificRecord event) {
        Objects.requireNonNull(event, "event");
        Writer writer = writers.computeIfAbsent(event.getClass(), c -> writerFor(event.getSchema()));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_0);
        out.write(MAGIC_1);
        long fingerprint = writer.fingerprint();
        for (int i = 0; i < FINGERPRINT_LENGTH; i++) {
            out.write((int) (fingerprint >>> (8 * i)));
        }
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.datumWriter().write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot encode " + event.getSchema().getFullName() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /**
     * @return the event as an instance of its current generated class
     * @throws UndecodableEventException when the bytes are not a valid event message
     */
    public SpecificRecord decode(byte[] message) {
        if (message == null) {
            throw new UndecodableEventException("not Avro single-object encoding: no bytes (null)");
        }
        if (message.length < 2 || message[0] != MAGIC_0 || message[1] != MAGIC_1) {
            throw new UndecodableEventException(
                    "not Avro single-object encoding: bad magic " + hexPrefix(message) + ", expected C3 01");
        }
        if (message.length < HEADER_LENGTH) {
            throw new UndecodableEventException(
                    "truncated header: " + message.length + " of " + HEADER_LENGTH + " bytes");
        }
        long fingerprint = 0;
        for (int i = FINGERPRINT_LENGTH - 1; i >= 0; i--) {
            fingerprint = (fingerprint << 8) | (message[2 + i] & 0xFF);
        }
        Reader reader = readers.get(fingerprint);
        if (reader == null) {
            reader = readers.computeIfAbsent(fingerprint, this::readerFor);
        }
        String eventType = reader.writer().getFullName();
        BinaryDecoder decoder =
                DecoderFactory.get().binaryDecoder(message, HEADER_LENGTH, message.length - HEADER_LENGTH, null);
        SpecificRecord event;
        try {
            event = reader.datumReader().read(null, decoder);
        } catch (EOFException e) {
            throw new UndecodableEventException(
                    "truncated body: " + eventType + " ended after " + (message.length - HEADER_LENGTH) + " bytes", e);
        } catch (IOException | RuntimeException e) {
            // Untrusted input: bad union index, negative length, malformed UUID and the like.
            throw new UndecodableEventException("corrupt body: " + eventType + ": " + e, e);
        }
        try {
            if (!decoder.isEnd()) {
                throw new UndecodableEventException("corrupt body: " + eventType + " is followed by unexpected bytes");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return event;
    }

    private Writer writerFor(Schema schema) {
        long fingerprint = catalog.fingerprint(schema);
        if (catalog.writerSchema(fingerprint).isEmpty()) {
            throw new IllegalArgumentException(String.format(
                    "%s (fingerprint 0x%016x) is not a schema version kept in the catalog: record it in"
                            + " schemas/src/main/history before publishing, or readers cannot decode it",
                    schema.getFullName(), fingerprint));
        }
        return new Writer(fingerprint, new SpecificDatumWriter<>(schema, catalog.model()));
    }

    private Reader readerFor(long fingerprint) {
        Schema writer = catalog.writerSchema(fingerprint)
                .orElseThrow(() -> new UndecodableEventException(String.format(
                        "unknown schema fingerprint 0x%016x: not a schema version kept in this catalog", fingerprint)));
        Class<? extends SpecificRecord> type;
        try {
            type = catalog.currentClass(writer.getFullName());
        } catch (IllegalArgumentException e) {
            throw new UndecodableEventException(
                    "no current class for " + writer.getFullName() + ": " + e.getMessage(), e);
        }
        SpecificData model = catalog.model();
        // Avro's fast reader: the writer-to-reader resolution is worked out once per schema pair here, instead of
        // a resolving decoder interpreting it field by field on every record. Avro only picks it by itself for its
        // own GenericData and SpecificData classes, not for a subclass such as the catalog's model, so it is asked
        // for by name; it still creates records and enums through the model (its class resolution and conversions).
        try {
            return new Reader(writer, model.getFastReaderBuilder().createDatumReader(writer, model.getSchema(type)));
        } catch (IOException | RuntimeException e) {
            throw new UndecodableEventException(
                    "cannot read " + writer.getFullName() + " as the current " + type.getName() + ": " + e, e);
        }
    }

    private static String hexPrefix(byte[] message) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(2, message.length); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("%02X", message[i]));
        }
        return message.length == 0 ? "(empty message)" : hex.toString();
    }

    private record Writer(long fingerprint, DatumWriter<SpecificRecord> datumWriter) {}

    private record Reader(Schema writer, DatumReader<SpecificRecord> datumReader) {}
}
