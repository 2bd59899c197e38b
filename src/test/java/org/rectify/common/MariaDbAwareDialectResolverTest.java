package org.rectify.common;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DatabaseMetaDataDialectResolutionInfoAdapter;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import static org.assertj.core.api.Assertions.assertThat;

class MariaDbAwareDialectResolverTest {

    private final MariaDbAwareDialectResolver resolver = new MariaDbAwareDialectResolver();

    private static DialectResolutionInfo reporting(String version) {
        DialectResolutionInfo info = Mockito.mock(DatabaseMetaDataDialectResolutionInfoAdapter.class);
        Mockito.when(info.getDatabaseVersion()).thenReturn(version);
        return info;
    }

    @Test
    void mariaDbBehindTheMySqlDriverGetsTheMariaDbDialectWithItsRealVersion() {
        Dialect dialect = resolver.resolveDialect(reporting("5.5.5-10.11.19-MariaDB-0+deb12u1"));
        assertThat(dialect).isInstanceOf(MariaDBDialect.class);
        assertThat(dialect.getVersion().getDatabaseMajorVersion()).isEqualTo(10);
        assertThat(dialect.getVersion().getDatabaseMinorVersion()).isEqualTo(11);
    }

    @Test
    void anythingElseIsLeftToHibernate() {
        assertThat(resolver.resolveDialect(reporting("8.0.36"))).isNull();
        assertThat(resolver.resolveDialect(reporting(null))).isNull();
    }
}
