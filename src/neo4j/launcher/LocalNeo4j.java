import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with its Bolt connector, for machines without Docker.
 *
 * Started by src/neo4j/local-neo4j.ts as
 * `java -cp '.neo4j/lib/*' LocalNeo4j.java <home> <port> <pageCacheMiB> <txTimeoutSeconds> [<pluginsDir>]`.
 * The data folder under <home> persists across restarts. Auth is off because Bolt only listens on loopback.
 * With a plugins folder (the benchmark puts APOC core there for @neo4j/graphql), its procedures
 * load and `apoc.*` may run unrestricted.
 */
public final class LocalNeo4j {
    public static void main(String[] args) throws Exception {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: LocalNeo4j <home> <boltPort> <pageCacheMiB> <txTimeoutSeconds> [<pluginsDir>]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCacheMiB = Long.parseLong(args[2]);
        long txTimeoutSeconds = Long.parseLong(args[3]);

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds));
        if (args.length == 5) {
            builder.setConfig(GraphDatabaseSettings.plugin_dir, Path.of(args[4]).toAbsolutePath())
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"));
        }
        DatabaseManagementService service = builder.build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        // If the Node process that started us dies without signalling (kill -9, a crashed test run),
        // stop too: a local database must never outlive the service that owns it.
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));

        System.out.println("LocalNeo4j ready: bolt://127.0.0.1:" + port + " home=" + home);
        System.out.flush();
        stopped.await(Long.MAX_VALUE, TimeUnit.DAYS);
    }
}
