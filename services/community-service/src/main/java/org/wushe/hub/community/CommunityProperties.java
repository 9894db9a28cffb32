package org.wushe.hub.community;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the community service ({@code wushe.community.*}).
 *
 * @param residentKey       base64 AES-256 key for residents' personal data; empty: a key file under {@code dataDir}
 * @param dataDir           where a locally generated key lives ({@code community/resident.key})
 * @param recurrenceHorizon how far ahead occurrences of recurring needs are published
 */
@ConfigurationProperties("wushe.community")
public record CommunityProperties(String residentKey, Path dataDir, Duration recurrenceHorizon) {

    public CommunityProperties {
        dataDir = dataDir == null ? Path.of(".local-data") : dataDir;
        recurrenceHorizon = recurrenceHorizon == null ? Duration.ofDays(14) : recurrenceHorizon;
    }
}
