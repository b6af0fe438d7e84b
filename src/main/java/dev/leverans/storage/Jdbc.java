package dev.leverans.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Small JDBC helpers shared by the stores and databases: pooled reads, positional parameters, row mapping. */
final class Jdbc {
    private Jdbc() {}

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** The work on a connection of the pool, returned to it afterwards. */
    static <T> T read(DataSource pool, Database.Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException("database read failed: " + e.getMessage(), e);
        }
    }

    static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... args) {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) out.add(mapper.map(rs));
            return out;
        } catch (SQLException e) {
            throw new StorageException("database query failed: " + e.getMessage(), e);
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            // Types.NULL leaves the type to the column (PostgreSQL refuses a VARCHAR null for a BIGINT column).
            if (args[i] == null) ps.setNull(i + 1, Types.NULL);
            else ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
