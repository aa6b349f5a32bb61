package dev.drover.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DatabaseExtension.class)
class MariadbDiscoveryIT {

    @TempDir
    Path dir;

    @Test
    void discoversDatabasesAndRejectsHostileNames(@Database(DatabaseKind.MARIADB) TestDatabase db) throws Exception {
        String suffix = db.name().substring(db.name().lastIndexOf('_') + 1);
        String first = db.createDatabase("tnta");
        String second = db.createDatabase("tntb");
        String hostile = "tntx`; DROP DATABASE mysql; --_" + suffix;
        db.execute("CREATE DATABASE `" + hostile.replace("`", "``") + "`");
        try {
            String query = "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'tnt%\\\\_"
                    + suffix + "' ORDER BY 1";
            for (String url : new String[] {db.url(), db.urlOf("{tenant}")}) {
                Registry registry = new RegistryLoader().env(Map.of("URL", url)).load(IniFixture.write(dir, "drover.ini",
                        "[drover]\nurl = ${env:URL}\ntenants = query: " + query + "\n"));

                ResolvedTargets result = registry.targets(Selection.all());

                assertThat(result.targets()).extracting(RegistryTarget::tenant).containsExactly(first, second);
                assertThat(result.targets()).extracting(RegistryTarget::database).containsExactly(first, second);
                assertThat(result.rejected()).extracting(RejectedTenant::name).containsExactly(hostile);
            }
            assertThat(new RegistryLoader().load(IniFixture.write(dir, "x.ini", "[drover]\nurl = " + db.urlOf("{tenant}")
                    + "\ntenants = a\n")).targets(Selection.all()).targets().get(0).tenancy()).isEqualTo(Tenancy.DATABASE_PER_TENANT);
        } finally {
            db.execute("DROP DATABASE IF EXISTS `" + hostile.replace("`", "``") + "`");
        }
    }
}
