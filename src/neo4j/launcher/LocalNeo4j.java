import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.server.security.auth.CommunitySecurityModule;

/**
 * Runs Neo4j Community embedded with its Bolt connector, for machines without Docker.
 *
 * Started by src/neo4j/local-neo4j.ts as
 * `java -cp '.neo4j/lib/*' LocalNeo4j.java <home> <port> <pageCacheMiB> <txTimeoutSeconds> <passwordFile> [<pluginsDir>]`.
 * The data folder under <home> persists across restarts. Bolt listens on loopback only and asks
 * for the user neo4j and the password in <passwordFile> (read from a file so that it never shows
 * in the process list): any local process could otherwise write to the graph without an API key.
 * With a plugins folder (the benchmark puts APOC core there for @neo4j/graphql), its procedures
 * load and `apoc.*` may run unrestricted.
 */
public final class LocalNeo4j {
    public static void main(String[] args) throws Exception {
        if (args.length != 5 && args.length != 6) {
            System.err.println("usage: LocalNeo4j <home> <boltPort> <pageCacheMiB> <txTimeoutSeconds> <passwordFile> [<pluginsDir>]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pageCacheMiB = Long.parseLong(args[2]);
        long txTimeoutSeconds = Long.parseLong(args[3]);
        String password = Files.readString(Path.of(args[4])).strip();

        setInitialPassword(home, password);
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMiB))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds));
        if (args.length == 6) {
            builder.setConfig(GraphDatabaseSettings.plugin_dir, Path.of(args[5]).toAbsolutePath())
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"));
        }
        DatabaseManagementService service = builder.build();
        // The system database holds the password now; no copy of its hash needs to stay on disk.
        Files.deleteIfExists(initialPasswordFile(home));

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

    /**
     * What `neo4j-admin dbms set-initial-password` does, run in-process: it writes data/dbms/auth.ini,
     * which Neo4j reads as it starts. A new system database creates the user neo4j with that password;
     * an existing one applies it only while neo4j is the only user and still has the default password
     * "neo4j", which is the state of a data folder from before passwords (auth was off), so such a
     * folder is migrated by the same step. A password changed by other means is kept, and the start
     * then fails on authentication with a message saying so (src/neo4j/local-neo4j.ts).
     */
    private static void setInitialPassword(Path home, String password) {
        // Its report ("only takes effect before the database is started for the first time") is
        // wrong for the migration above, and would only mislead in a failed start's output.
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        ExecutionContext context = new ExecutionContext(home, home.resolve("conf"), quiet, System.err, new DefaultFileSystemAbstraction());
        // "--" ends the options: a password of an older folder may start with "-".
        int status = AdminTool.execute(context, "dbms", "set-initial-password", "--", password);
        if (status != 0) {
            System.err.println("LocalNeo4j: could not set the initial password (neo4j-admin status " + status + ")");
            System.exit(1);
        }
    }

    private static Path initialPasswordFile(Path home) {
        return CommunitySecurityModule.getInitialUserRepositoryFile(Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home).build());
    }
}
