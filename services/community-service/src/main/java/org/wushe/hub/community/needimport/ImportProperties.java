package org.wushe.hub.community.needimport;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Need-list import settings ({@code wushe.community.import.*}).
 *
 * @param maxFileSize     larger uploads are refused (also the multipart limit)
 * @param maxRows         rows per list
 * @param chunkSize       rows per transaction: needs, their events and the job's progress commit together
 * @param haltAfterChunks test hook only: the worker dies inside the chunk after this many, as a killed service would
 */
@ConfigurationProperties("wushe.community.import")
public record ImportProperties(DataSize maxFileSize, Integer maxRows, Integer chunkSize, Integer haltAfterChunks) {

    public ImportProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
        maxRows = maxRows == null ? 20_000 : maxRows;
        chunkSize = chunkSize == null ? 500 : chunkSize;
    }
}
