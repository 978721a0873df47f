import java.nio.file.Path;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Makes a data folder as the local launcher made them before Bolt had a password (auth off, the
 * user neo4j with Neo4j's default password), holding one marker node, for test/local-neo4j-auth.test.ts:
 * `java -cp '.neo4j/lib/*' PasswordlessDbms.java <home>`.
 */
public final class PasswordlessDbms {
    public static void main(String[] args) {
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(Path.of(args[0]).toAbsolutePath())
                .setConfig(BoltConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                .build();
        service.database("neo4j").executeTransactionally("CREATE (:LegacyMarker {note: 'written before passwords'})");
        service.shutdown();
    }
}
