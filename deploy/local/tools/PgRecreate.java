import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Local-stack helper (deploy/local/service-runtime.sh): drops and creates databases owned by a role, so an AOT
 * training run starts on an empty database and runs the Flyway migrations as a first start does. Not part of the
 * product.
 *
 * <pre>
 * PgRecreate host port superuser password role db...
 * </pre>
 */
public class PgRecreate {

    public static void main(String[] args) throws SQLException {
        if (args.length < 6) {
            System.err.println("usage: PgRecreate host port superuser password role db...");
            System.exit(64);
        }
        Properties props = new Properties();
        props.setProperty("user", args[2]);
        props.setProperty("password", args[3]);
        props.setProperty("connectTimeout", "5");
        props.setProperty("ApplicationName", "city-local-stack");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + args[0] + ":" + args[1] + "/postgres", props);
                Statement s = c.createStatement()) {
            for (int i = 5; i < args.length; i++) {
                String db = ident(args[i]);
                s.execute("drop database if exists " + db + " with (force)");
                s.execute("create database " + db + " owner " + ident(args[4]));
                System.out.println("recreated database " + args[i]);
            }
        }
    }

    private static String ident(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
