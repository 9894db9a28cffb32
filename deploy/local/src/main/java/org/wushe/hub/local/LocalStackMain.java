package org.wushe.hub.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/local/start [--wipe] [--data-dir DIR]}: starts the embedded stack on 127.0.0.1 and
 * runs until Ctrl-C. Data survives a restart unless {@code --wipe} is given.
 */
public final class LocalStackMain {

    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(System.getenv().getOrDefault("WUSHE_DATA_DIR", ".local-data"));
        boolean wipe = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--wipe" -> wipe = true;
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "-h", "--help" -> {
                    System.out.println("usage: deploy/local/start [--wipe] [--data-dir DIR]");
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + " (try --help)");
                    System.exit(2);
                }
            }
        }
        LocalStack.Settings settings = LocalStack.Settings.defaults(dataDir.toAbsolutePath())
                .withWipe(wipe)
                .withPorts(intEnv("WUSHE_KAFKA_PORT", 9092), intEnv("WUSHE_KAFKA_CONTROLLER_PORT", 9093),
                        intEnv("WUSHE_POSTGRES_PORT", 15432));
        LocalStack stack = new LocalStack(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the Wushe Hub local stack 正在停止…");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        stack.start();
        System.out.printf("""

                Wushe Hub local stack is up 五社联动本地环境已启动
                  Kafka (KRaft)   %s
                  PostgreSQL      %s  (user %s, trust on 127.0.0.1)
                  Outbox CDC      %d Debezium connectors: %s
                  Data            %s  (kept between runs; --wipe starts clean)
                Press Ctrl-C to stop 按 Ctrl-C 停止
                """, stack.kafka().bootstrapServers(), stack.database().jdbcUrl(), EmbeddedDatabase.USER,
                settings.connectors().size(), String.join(", ", settings.connectors().stream().map(ConnectorConfig::name).toList()),
                settings.dataDir());
        stopped.await();
    }

    private static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }
}
