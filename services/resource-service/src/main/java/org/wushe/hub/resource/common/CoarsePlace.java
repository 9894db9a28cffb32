package org.wushe.hub.resource.common;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * A coarse place (大致位置) of an institution, a store of goods or a venue: administrative codes,
 * community, grid, a geohash cell and the cell's coordinates. Never an exact address (PIPL): the
 * geohash is cut to 6 characters and the coordinates rounded to 2 decimals (about 1 km) on the way in.
 */
@Schema(
        description =
                "Coarse place: never an exact address. Geohash is cut to 6 characters, coordinates rounded to 2 decimals.")
public record CoarsePlace(
        @Schema(description = "Public name of the place, e.g. 梨园镇社会工作服务中心活动室", example = "梨园镇社会工作服务中心") @Size(max = 100)
        String name,

        @Schema(description = "County-level division code (GB/T 2260)", example = "110112")
        @NotBlank
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit district code")
        String districtCode,

        @Schema(description = "Street or town code", example = "110112104")
        @Pattern(regexp = "\\d{9}", message = "must be a 9-digit street code")
        String streetCode,

        UUID communityId,
        UUID gridId,

        @Size(max = 12) @Pattern(regexp = "[0-9b-hjkmnp-z]+", message = "must be a geohash (base 32, lower case)")
        String geohash,

        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude) {

    /** The same place, made coarse: geohash of at most 6 characters, coordinates to 2 decimals. */
    public CoarsePlace coarsened() {
        return new CoarsePlace(
                blankToNull(name),
                districtCode,
                streetCode,
                communityId,
                gridId,
                geohash == null || geohash.length() <= 6 ? geohash : geohash.substring(0, 6),
                round(latitude),
                round(longitude));
    }

    static Double round(Double coordinate) {
        return coordinate == null
                ? null
                : BigDecimal.valueOf(coordinate)
                        .setScale(2, RoundingMode.HALF_UP)
                        .doubleValue();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
