package org.wushe.hub.stack;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * One node (broker and controller) of a local multi-node KRaft cluster, in a JVM of its own so that it
 * can be killed alone: {@code KafkaNodeMain <nodeId> <port> <controllerPort> <voters> <clusterId>
 * <replication> <logDir>}. Prints {@code ready} once it serves; stops on SIGTERM, and by itself when the
 * process that started it is gone (the fault tests' three-node cluster).
 */
public final class KafkaNodeMain {

    private KafkaNodeMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 7) {
            System.err.println(
                    "usage: KafkaNodeMain <nodeId> <port> <controllerPort> <voters> <clusterId> <replication> <logDir>");
            System.exit(2);
        }
        EmbeddedKafka node = new EmbeddedKafka(
                Path.of(args[6]),
                Integer.parseInt(args[1]),
                Integer.parseInt(args[2]),
                Integer.parseInt(args[0]),
                args[3],
                args[4],
                Integer.parseInt(args[5]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            node.close();
                            stopped.countDown();
                        },
                        "kafka-node-shutdown"));
        node.start();
        System.out.println("ready " + node.bootstrapServers());
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        stopped.await();
    }
}
