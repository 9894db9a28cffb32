package org.wushe.hub.volunteer.rewards;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.volunteer.VolunteerProperties;
import org.wushe.hub.volunteer.donor.Donor;
import org.wushe.hub.volunteer.donor.DonorService;
import org.wushe.hub.volunteer.web.Problems;

/** Rewards of caring shops: a shop must be known from the resource service's DonorRegistered events. */
@Service
public class RewardService {

    private final RewardRepository rewards;
    private final DonorService donors;
    private final Clock clock;
    private final VolunteerProperties properties;

    public RewardService(RewardRepository rewards, DonorService donors, Clock clock, VolunteerProperties properties) {
        this.rewards = rewards;
        this.donors = donors;
        this.clock = clock;
        this.properties = properties;
    }

    public record NewReward(
            @NotNull UUID donorId,
            @NotBlank @Size(max = 60) String title,
            @Size(max = 300) String description,
            @NotNull @Positive @Max(1_000_000) Long pointsCost,
            @PositiveOrZero @Max(1_000_000) Integer stock,
            LocalDate validUntil) {}

    @Transactional
    public Reward offer(NewReward r) {
        Donor donor = donors.find(r.donorId())
                .orElseThrow(() -> Problems.notFound("donorId", Messages.text("reward.donor-not-found", r.donorId())));
        if (!donor.isCaringShop()) {
            throw new InvalidInputException(
                    "donorId", Messages.text("reward.not-a-caring-shop", donor.id(), donor.kind()));
        }
        if (r.validUntil() != null && r.validUntil().isBefore(today())) {
            throw new InvalidInputException("validUntil", Messages.text("reward.valid-until-past"));
        }
        Reward reward = new Reward(
                UUID.randomUUID(),
                donor.id(),
                r.title().strip(),
                r.description(),
                r.pointsCost(),
                r.stock(),
                r.validUntil(),
                true,
                clock.instant());
        rewards.insert(reward);
        return reward;
    }

    @Transactional(readOnly = true)
    public Reward get(UUID id) {
        return rewards.find(id).orElseThrow(() -> Problems.notFound("id", Messages.text("reward.not-found", id)));
    }

    @Transactional(readOnly = true)
    public List<Reward> list(UUID donorId, boolean activeOnly, int limit) {
        return rewards.list(donorId, activeOnly, limit);
    }

    /** The shop no longer offers it; redemptions made stay valid. */
    @Transactional
    public Reward withdraw(UUID id) {
        get(id);
        rewards.withdraw(id);
        return get(id);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }
}
