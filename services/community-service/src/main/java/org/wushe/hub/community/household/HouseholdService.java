package org.wushe.hub.community.household;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.community.grid.Grid;
import org.wushe.hub.community.grid.GridAccess;
import org.wushe.hub.community.resident.ResidentService;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.privacy.PersonalDataScreen;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * The grid's register. Writes by the grid's grid worker or its community's staff ({@link GridAccess#requireWorker});
 * reads also by the staff of the stations serving the community. A household links resident records of the grid's
 * community only, each resident in one household.
 */
@Service
public class HouseholdService {

    private final HouseholdRepository register;
    private final GridAccess access;
    private final ResidentService residents;
    private final Clock clock;

    public HouseholdService(HouseholdRepository register, GridAccess access, ResidentService residents, Clock clock) {
        this.register = register;
        this.access = access;
        this.residents = residents;
        this.clock = clock;
    }

    /** The register of a grid, compound by compound, building by building. */
    public record RegisterView(UUID gridId, UUID communityId, List<CompoundView> compounds) {}

    public record CompoundView(UUID id, String name, List<BuildingView> buildings) {}

    public record BuildingView(UUID id, String label, Integer stairwells, List<Household.Home> households) {}

    @Transactional
    public Household.Compound addCompound(UUID gridId, String name) {
        Grid grid = access.requireWorker("gridId", gridId);
        String clean = PersonalDataScreen.screen("name", name);
        if (register.compoundNamed(grid.id(), clean)) {
            throw new InvalidInputException("name", Messages.text("household.compound-name-taken"), 409);
        }
        Household.Compound c = new Household.Compound(UUID.randomUUID(), grid.id(), clean, now());
        register.insert(c);
        return c;
    }

    @Transactional
    public Household.Building addBuilding(UUID compoundId, String label, Integer stairwells) {
        Household.Compound compound = register.compound(compoundId)
                .orElseThrow(() -> new InvalidInputException(
                        "id", Messages.text("household.compound-not-found", compoundId), 404));
        access.requireWorker("id", access.grid("id", compound.gridId()));
        String clean = PersonalDataScreen.screen("label", label);
        if (register.buildingLabelled(compoundId, clean)) {
            throw new InvalidInputException("label", Messages.text("household.building-label-taken"), 409);
        }
        Household.Building b =
                new Household.Building(UUID.randomUUID(), compoundId, compound.gridId(), clean, stairwells, now());
        register.insert(b);
        return b;
    }

    @Transactional
    public Household.Home addHousehold(UUID buildingId, Integer stairwell, int number, List<UUID> residentIds) {
        Household.Building building = register.building(buildingId)
                .orElseThrow(() -> new InvalidInputException(
                        "id", Messages.text("household.building-not-found", buildingId), 404));
        Grid grid = access.grid("id", building.gridId());
        access.requireWorker("id", grid);
        if (building.stairwells() != null && stairwell != null && stairwell > building.stairwells()) {
            throw new InvalidInputException(
                    "stairwell", Messages.text("household.stairwell-beyond", building.stairwells()));
        }
        if (register.householdNumbered(buildingId, number)) {
            throw new InvalidInputException("number", Messages.text("household.number-taken"), 409);
        }
        UUID id = UUID.randomUUID();
        List<UUID> checked = checkResidents(grid, id, residentIds);
        Household.Home h = new Household.Home(id, buildingId, grid.id(), stairwell, number, checked, now());
        register.insert(h);
        return h;
    }

    @Transactional
    public Household.Home replaceResidents(UUID householdId, List<UUID> residentIds) {
        Household.Home h = register.household(householdId)
                .orElseThrow(
                        () -> new InvalidInputException("id", Messages.text("household.not-found", householdId), 404));
        Grid grid = access.grid("id", h.gridId());
        access.requireWorker("id", grid);
        List<UUID> checked = checkResidents(grid, householdId, residentIds);
        register.replaceResidents(householdId, checked);
        return register.household(householdId).orElseThrow();
    }

    public RegisterView register(UUID gridId) {
        Grid grid = access.requireReader("gridId", gridId);
        List<Household.Building> buildings = register.buildingsOf(grid.id());
        List<Household.Home> homes = register.householdsOf(grid.id());
        List<CompoundView> compounds = new ArrayList<>();
        for (Household.Compound c : register.compoundsOf(grid.id())) {
            List<BuildingView> bs = buildings.stream()
                    .filter(b -> b.compoundId().equals(c.id()))
                    .map(b -> new BuildingView(
                            b.id(),
                            b.label(),
                            b.stairwells(),
                            homes.stream()
                                    .filter(h -> h.buildingId().equals(b.id()))
                                    .toList()))
                    .toList();
            compounds.add(new CompoundView(c.id(), c.name(), bs));
        }
        return new RegisterView(grid.id(), grid.communityId(), compounds);
    }

    // For the other features of the grid's work, which do not read this one's tables.

    public Optional<Household.Home> find(UUID householdId) {
        return register.household(householdId);
    }

    /** The household a resident is registered in. */
    public Optional<Household.Home> householdOf(UUID residentId) {
        return register.householdOf(residentId);
    }

    /** Residents of the grid's community, none twice, none living in another household already. */
    private List<UUID> checkResidents(Grid grid, UUID householdId, List<UUID> residentIds) {
        List<UUID> checked = new ArrayList<>(new LinkedHashSet<>(residentIds == null ? List.of() : residentIds));
        for (int i = 0; i < checked.size(); i++) {
            UUID r = checked.get(i);
            String field = "residentIds[" + i + "]";
            ResidentService.Pseudonym p = residents
                    .pseudonym(r)
                    .orElseThrow(() -> new InvalidInputException(field, Messages.text("resident.not-found", r)));
            if (!p.communityId().equals(grid.communityId())) {
                throw new InvalidInputException(field, Messages.text("household.resident-other-community"));
            }
            Optional<Household.Home> elsewhere = register.householdOf(r);
            if (elsewhere.isPresent() && !elsewhere.get().id().equals(householdId)) {
                throw new InvalidInputException(field, Messages.text("household.resident-elsewhere"), 409);
            }
        }
        return checked;
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
