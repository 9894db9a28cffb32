/**
 * Traces through the outbox: the W3C {@code traceparent} of the request (or of the inbound event) goes into each
 * outbox row, Debezium copies it into the record's header, and each consumer continues it, so one need's journey
 * from the clerk's request to the station's stream is one trace. Spans are exported to an OTLP endpoint when
 * {@code management.opentelemetry.tracing.export.otlp.endpoint} is set, and to a JSON-lines file when
 * {@code wushe.tracing.file} is.
 */
package org.wushe.hub.platform.tracing;
