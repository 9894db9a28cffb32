package org.wushe.hub.volunteer.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.volunteer.web.Problems;

/**
 * Teams and sub-teams: a team (e.g. 平安志愿服务队) may have sub-teams (调解 mediation, 安全 safety, 法律咨询
 * legal advice…), one level deep. Volunteers join either.
 */
@Service
public class TeamService {

    /**
     * What teams ask of the volunteers, answered by the volunteer feature ({@code VolunteerLookups}). Declared here
     * because the volunteer feature builds on this one (a volunteer's view shows their teams): team depends on nothing
     * of it, so the two features do not depend on each other.
     */
    public interface Volunteers {

        boolean exists(UUID id);
    }

    private final TeamRepository teams;
    private final Volunteers volunteers;
    private final Clock clock;

    public TeamService(TeamRepository teams, Volunteers volunteers, Clock clock) {
        this.teams = teams;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    public record NewTeam(
            @NotBlank @Size(max = 40) String name,
            @Size(max = 200) String purpose,
            UUID parentTeamId,
            UUID communityId,
            UUID organizationId) {}

    public record SubTeam(UUID id, String name, String purpose, long memberCount) {}

    public record TeamView(
            UUID id,
            String name,
            String purpose,
            UUID parentTeamId,
            UUID communityId,
            UUID organizationId,
            long memberCount,
            List<SubTeam> subTeams) {}

    public record Role(@NotNull TeamRole role) {}

    @Transactional
    public TeamView create(NewTeam r) {
        UUID community = r.communityId();
        UUID organization = r.organizationId();
        if (r.parentTeamId() != null) {
            Team parent = teams.find(r.parentTeamId())
                    .orElseThrow(
                            () -> Problems.notFound("parentTeamId", Messages.text("team.not-found", r.parentTeamId())));
            if (parent.parentId() != null) {
                throw new InvalidInputException("parentTeamId", Messages.text("team.sub-team-parent"));
            }
            if (community != null && parent.communityId() != null && !community.equals(parent.communityId())) {
                throw new InvalidInputException(
                        "communityId", Messages.text("team.sub-team-community", parent.communityId()));
            }
            community = parent.communityId() != null ? parent.communityId() : community;
            organization = organization != null ? organization : parent.organizationId();
        }
        String name = r.name().strip();
        if (teams.nameTaken(r.parentTeamId(), community, name)) {
            throw Problems.conflict("name", Messages.text("team.name-taken"));
        }
        Team t = new Team(
                UUID.randomUUID(), r.parentTeamId(), name, r.purpose(), community, organization, clock.instant());
        teams.insert(t);
        return view(t.id());
    }

    @Transactional(readOnly = true)
    /** A volunteer who erased their account is no longer a member of any team (in the erasing transaction). */
    public void forget(UUID volunteerId) {
        teams.removeFromAll(volunteerId);
    }

    public TeamView view(UUID id) {
        Team t = require(id);
        List<SubTeam> subs = teams.subTeams(id).stream()
                .map(s -> new SubTeam(s.id(), s.name(), s.purpose(), teams.memberCount(s.id())))
                .toList();
        return new TeamView(
                t.id(),
                t.name(),
                t.purpose(),
                t.parentId(),
                t.communityId(),
                t.organizationId(),
                teams.memberCount(id),
                subs);
    }

    @Transactional(readOnly = true)
    public List<TeamView> list(UUID communityId) {
        return teams.topLevel(communityId).stream().map(t -> view(t.id())).toList();
    }

    /** Adds a volunteer to the team, or changes their role; true when they joined just now. */
    @Transactional
    public boolean putMember(UUID teamId, UUID volunteerId, TeamRole role) {
        require(teamId);
        if (!volunteers.exists(volunteerId)) {
            throw Problems.notFound("volunteerId", Messages.text("volunteer.not-found", volunteerId));
        }
        return teams.putMember(teamId, volunteerId, role, clock.instant());
    }

    @Transactional
    public void removeMember(UUID teamId, UUID volunteerId) {
        require(teamId);
        if (!teams.removeMember(teamId, volunteerId)) {
            throw Problems.notFound("volunteerId", Messages.text("team.member-not-found", volunteerId, teamId));
        }
    }

    @Transactional(readOnly = true)
    public List<TeamRepository.Member> members(UUID teamId) {
        require(teamId);
        return teams.members(teamId);
    }

    /** The volunteer's teams and sub-teams, for the volunteer feature (which does not read this one's tables). */
    public List<Membership> membershipsOf(UUID volunteerId) {
        return teams.membershipsOf(volunteerId);
    }

    private Team require(UUID id) {
        return teams.find(id).orElseThrow(() -> Problems.notFound("id", Messages.text("team.not-found", id)));
    }
}
