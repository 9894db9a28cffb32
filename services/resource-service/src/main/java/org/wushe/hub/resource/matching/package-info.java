/** The inbound adapter of the match saga: wushe.matching.match events into the stock domain. The only Kafka-aware code. */
package org.wushe.hub.resource.matching;
