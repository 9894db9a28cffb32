/**
 * Stock and reservations (预留): reserving, releasing and consuming, idempotently and never below zero,
 * and expiry. The domain core of the service; it knows nothing of Kafka (events leave through the outbox).
 */
package org.wushe.hub.resource.stock;
