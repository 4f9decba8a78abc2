import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * Local-stack helper (deploy/local/infra.sh): talks to PostgreSQL over JDBC, because the PostgreSQL binaries from
 * Maven Central ship no psql. Not part of the product.
 *
 * <pre>
 * PgTool host port superuser password ping
 *     exit 0 and prints the server version when the superuser can log in;
 *     exit 2 when the server answers but refuses the credentials, exit 3 when nothing usable answers.
 * PgTool host port superuser password ensure role rolePassword db...
 *     creates the login role and every missing database (owned by role), idempotently.
 * </pre>
 */
public class PgTool {

    public static void main(String[] args) {
        if (args.length < 5) {
            System.err.println("usage: PgTool host port superuser password ping|ensure [role rolePassword db...]");
            System.exit(64);
        }
        String url = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/postgres";
        Properties props = new Properties();
        props.setProperty("user", args[2]);
        props.setProperty("password", args[3]);
        props.setProperty("connectTimeout", "5");
        props.setProperty("socketTimeout", "60");
        props.setProperty("ApplicationName", "city-local-stack");
        try (Connection c = DriverManager.getConnection(url, props)) {
            switch (args[4]) {
                case "ping" -> {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show server_version")) {
                        rs.next();
                        System.out.println("PostgreSQL " + rs.getString(1));
                    }
                }
                case "ensure" -> ensure(c, args[5], args[6], Arrays.asList(args).subList(7, args.length));
                default -> {
                    System.err.println("unknown command " + args[4]);
                    System.exit(64);
                }
            }
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            System.err.println("PostgreSQL at " + args[0] + ":" + args[1] + " as " + args[2] + ": " + e.getMessage()
                    + (state.isEmpty() ? "" : " [SQLState " + state + "]"));
            // 28xxx: invalid authorization (the server is a PostgreSQL, the credentials are wrong)
            System.exit(state.startsWith("28") ? 2 : 3);
        }
    }

    private static void ensure(Connection c, String role, String password, List<String> dbs) throws SQLException {
        boolean roleExists;
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                roleExists = rs.next();
            }
        }
        try (Statement s = c.createStatement()) {
            if (!roleExists) {
                s.execute("create role " + ident(role) + " login password " + literal(password));
                System.out.println("created role " + role);
            } else {
                // keep the documented local password even if someone changed it
                s.execute("alter role " + ident(role) + " login password " + literal(password));
            }
            for (String db : dbs) {
                String owner = null;
                try (PreparedStatement ps = c.prepareStatement(
                        "select pg_get_userbyid(datdba) from pg_database where datname = ?")) {
                    ps.setString(1, db);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            owner = rs.getString(1);
                        }
                    }
                }
                if (owner == null) {
                    s.execute("create database " + ident(db) + " owner " + ident(role));
                    System.out.println("created database " + db);
                } else if (!owner.equals(role)) {
                    s.execute("alter database " + ident(db) + " owner to " + ident(role));
                    System.out.println("database " + db + ": owner changed from " + owner + " to " + role);
                }
            }
        }
    }

    private static String ident(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
