package org.rectify.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the ledger exports, from {@code rectify.export.*}.
 *
 * @param maxRows   a ledger with more rows than this is not exported (400 naming the limit): narrow its filters
 * @param chunkRows the rows an export reads per query (see {@link LedgerExport})
 */
@ConfigurationProperties("rectify.export")
public record ExportSettings(
        @DefaultValue("200000") int maxRows,
        @DefaultValue("1000") int chunkRows) {}
