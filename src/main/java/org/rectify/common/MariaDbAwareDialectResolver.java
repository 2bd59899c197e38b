package org.rectify.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Through mysql-connector-j a MariaDB server calls itself "MySQL 5.5.5-10.11.x-MariaDB", which
 * Hibernate would take for an unsupported MySQL 5.5. This picks the MariaDB dialect with the real
 * version; anything else falls through to Hibernate's own resolution. Registered with
 * {@code hibernate.dialect_resolvers}.
 */
public class MariaDbAwareDialectResolver implements DialectResolver {

    private static final Pattern MARIADB_VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)-MariaDB");

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        String version = info.getDatabaseVersion();
        Matcher m = version == null ? null : MARIADB_VERSION.matcher(version);
        if (m == null || !m.find()) {
            return null;
        }
        return new MariaDBDialect(DatabaseVersion.make(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }
}
