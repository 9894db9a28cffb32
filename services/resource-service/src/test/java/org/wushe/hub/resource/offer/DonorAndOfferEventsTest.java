package org.wushe.hub.resource.offer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.DayOfWeek;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.resource.DonorKind;
import org.wushe.hub.events.resource.DonorRegistered;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.events.resource.ProviderKind;
import org.wushe.hub.events.resource.ResourceOffered;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.resource.support.Http;
import org.wushe.hub.resource.support.ResourceServiceTest;
import org.wushe.hub.resource.support.Samples;

/** Registering donors and offering resources over REST puts the right Avro events on their topics, through the outbox and Debezium. */
class DonorAndOfferEventsTest extends ResourceServiceTest {

    @Test
    void registeringADonorPublishesDonorRegisteredWithACoarsePlace() {
        Map<String, Object> body = Samples.donor("梨园镇爱心超市 Liyuan caring supermarket", "CARING_SHOP");

        Http.Response created = http().post("/donors", body);

        assertThat(created.status()).isEqualTo(201);
        UUID donorId = UUID.fromString(created.body().get("id").asText());
        assertThat(created.body().get("place").get("geohash").asText()).isEqualTo("wx4g8k");
        assertThat(http().get("/donors/" + donorId).body().get("name").asText())
                .isEqualTo("梨园镇爱心超市 Liyuan caring supermarket");

        Received received =
                eventsUntil(Aggregate.DONOR, donorId, "DonorRegistered").get(0);
        DonorRegistered event = (DonorRegistered) received.event();
        assertThat(received.record().topic()).isEqualTo("wushe.resource.donor");
        assertThat(received.header(EventHeaders.EVENT_TYPE)).isEqualTo("DonorRegistered");
        assertThat(received.header(EventHeaders.AGGREGATE_TYPE)).isEqualTo("resource.donor");
        assertThat(received.header(EventHeaders.EVENT_ID))
                .isEqualTo(event.getEventId().toString());
        assertThat(event.getDonorId()).isEqualTo(donorId);
        assertThat(event.getName()).isEqualTo("梨园镇爱心超市 Liyuan caring supermarket");
        assertThat(event.getKind()).isEqualTo(DonorKind.CARING_SHOP);
        assertThat(event.getUnifiedSocialCreditCode()).isEqualTo(body.get("unifiedSocialCreditCode"));
        assertThat(event.getCommunityId()).isEqualTo(Samples.COMMUNITY);
        assertThat(event.getPlace().getDistrictCode()).isEqualTo(Samples.TONGZHOU);
        assertThat(event.getPlace().getStreetCode()).isEqualTo(Samples.LIYUAN);
        assertThat(event.getPlace().getGeohash()).isEqualTo("wx4g8k");
        assertThat(event.getPlace().getLatitude()).isEqualTo(39.88);
        assertThat(event.getPlace().getLongitude()).isEqualTo(116.66);
    }

    @Test
    void registeringTheSameInstitutionTwiceIsAConflict() {
        Map<String, Object> body = Samples.donor("通州某银行支行 a bank branch", "BANK");
        assertThat(http().post("/donors", body).status()).isEqualTo(201);

        Http.Response again = http().post("/donors", body);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemField()).isEqualTo("unifiedSocialCreditCode");
    }

    @Test
    void eachKindOfOfferPublishesResourceOfferedWithExactlyItsDetailsBlock() {
        UUID donor = registerDonor("梨园镇社区基金 Liyuan community fund");
        LocalDate bestBefore = LocalDate.now(Samples.SHANGHAI).plusDays(10);
        UUID goods = createOffer(Samples.goods(donor, 120, "BOX", bestBefore));
        UUID service = createOffer(Samples.service(donor, 20));
        UUID fund = createOffer(Samples.fund(donor, 500_000L, 20_000L));
        UUID venue = createOffer(Samples.venue(donor, 40));

        ResourceOffered g = last(eventsUntil(Aggregate.OFFER, goods, "ResourceOffered"), ResourceOffered.class);
        assertThat(g.getKind()).isEqualTo(OfferKind.GOODS);
        assertThat(g.getProvider().getKind()).isEqualTo(ProviderKind.DONOR);
        assertThat(g.getProvider().getId()).isEqualTo(donor);
        assertThat(g.getCategory()).isEqualTo(Category.DAILY_GOODS);
        assertThat(g.getBeneficiaryGroups()).containsExactly(BeneficiaryGroup.ELDERLY_ALONE, BeneficiaryGroup.VERY_OLD);
        assertThat(g.getCommunityIds()).containsExactly(Samples.COMMUNITY);
        assertThat(g.getGoods().getQuantity().getAmount()).isEqualTo(120);
        assertThat(g.getGoods().getQuantity().getUnit()).isEqualTo(QuantityUnit.BOX);
        assertThat(g.getGoods().getExpiryDate()).isEqualTo(bestBefore);
        assertThat(g.getService()).isNull();
        assertThat(g.getFund()).isNull();
        assertThat(g.getVenue()).isNull();
        assertThat(g.getAvailableWindow().getEnd())
                .isAfter(g.getAvailableWindow().getStart());

        ResourceOffered s = last(eventsUntil(Aggregate.OFFER, service, "ResourceOffered"), ResourceOffered.class);
        assertThat(s.getKind()).isEqualTo(OfferKind.SERVICE);
        assertThat(s.getService().getCapacity()).isEqualTo(20);
        assertThat(s.getService().getSkills()).containsExactly(Skill.MEDICAL, Skill.NURSING);
        assertThat(s.getService().getLanguages()).containsExactly("en");
        assertThat(s.getService().getSchedule()).singleElement().satisfies(slot -> {
            assertThat(slot.getDay()).isEqualTo(DayOfWeek.SATURDAY);
            assertThat(slot.getStart()).hasToString("09:00");
            assertThat(slot.getEnd()).hasToString("11:30");
        });
        assertThat(s.getGoods()).isNull();

        ResourceOffered f = last(eventsUntil(Aggregate.OFFER, fund, "ResourceOffered"), ResourceOffered.class);
        assertThat(f.getKind()).isEqualTo(OfferKind.FUND);
        assertThat(f.getFund().getAmountFen()).isEqualTo(500_000L);
        assertThat(f.getFund().getMaxPerNeedFen()).isEqualTo(20_000L);
        assertThat(f.getFund().getPurpose()).startsWith("困境儿童学习空间改造");

        ResourceOffered v = last(eventsUntil(Aggregate.OFFER, venue, "ResourceOffered"), ResourceOffered.class);
        assertThat(v.getKind()).isEqualTo(OfferKind.VENUE);
        assertThat(v.getVenue().getCapacity()).isEqualTo(40);
        assertThat(v.getVenue().getOpeningHours())
                .extracting(slot -> slot.getDay())
                .containsExactly(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);

        assertThat(http().get("/offers?donorId=" + donor).body()).hasSize(4);
        assertThat(http().get("/offers/" + venue + "/stock").body().get("total").asLong())
                .isEqualTo(40);
        assertThat(http().get("/offers/" + goods + "/stock")
                        .body()
                        .get("available")
                        .asLong())
                .isEqualTo(120);
        assertThat(List.of(goods, service, fund, venue)).doesNotHaveDuplicates();
    }
}
