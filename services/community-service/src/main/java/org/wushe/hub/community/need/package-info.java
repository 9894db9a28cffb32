/** Needs (居民需求) and their life, recurring needs and micro-wishes (微心愿); NeedPublished, NeedUpdated, NeedClosed through the outbox. No Kafka here. */
package org.wushe.hub.community.need;
