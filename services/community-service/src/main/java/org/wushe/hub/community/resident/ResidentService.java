package org.wushe.hub.community.resident;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.community.community.CommunityService;
import org.wushe.hub.community.grid.Grid;
import org.wushe.hub.community.grid.GridService;
import org.wushe.hub.platform.core.IdNumbers;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Residents' personal data: sealed with AES-GCM before it reaches the database, opened only for a
 * named actor with a stated reason, and every opening is written to the access log in the same
 * transaction. Messages never repeat a resident's data.
 */
@Service
public class ResidentService {

    public static final String CREATE = "CREATE";
    public static final String READ = "READ";
    public static final String LOOKUP = "LOOKUP";
    public static final String SEARCH = "SEARCH";
    public static final String ERASE = "ERASE";

    /**
     * A resident's personal data was erased: published in the erasure's transaction (a Spring application event, not a
     * Kafka one), so features that keep the resident's own words (their wishes and ratings) erase them in it too.
     */
    public record Erased(UUID residentId) {}

    /** What a need may know of its resident: the pseudonym, and where they belong. */
    public record Pseudonym(UUID residentId, UUID residentRef, UUID communityId) {}

    private final ResidentRepository residents;
    private final ResidentCipher cipher;
    private final CommunityService communities;
    private final GridService grids;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ResidentAccess access;
    private final ApplicationEventPublisher events;

    public ResidentService(
            ResidentRepository residents,
            ResidentCipher cipher,
            CommunityService communities,
            GridService grids,
            Clock clock,
            MeterRegistry meters,
            ResidentAccess access,
            ApplicationEventPublisher events) {
        this.residents = residents;
        this.events = events;
        this.access = access;
        this.cipher = cipher;
        this.communities = communities;
        this.grids = grids;
        this.clock = clock;
        this.meters = meters;
    }

    @Transactional
    public Resident.Summary register(String actor, ResidentController.RegisterResident r) {
        try {
            communities.get(r.communityId());
        } catch (InvalidInputException notFound) {
            throw new InvalidInputException("communityId", Messages.text("community.not-found", r.communityId()));
        }
        if (r.gridId() != null) {
            Grid grid = grids.find(r.gridId())
                    .orElseThrow(
                            () -> new InvalidInputException("gridId", Messages.text("grid.not-found", r.gridId())));
            if (!grid.communityId().equals(r.communityId())) {
                throw new InvalidInputException("gridId", Messages.text("resident.grid-other-community"));
            }
        }
        String idNumber = IdNumbers.normalize(blankToNull(r.idNumber()));
        byte[] idHash = null;
        if (idNumber != null) {
            if (!IdNumbers.isValid(idNumber)) {
                throw new InvalidInputException("idNumber", Messages.text("resident.id-number-invalid"));
            }
            idHash = cipher.lookupHash(idNumber);
            // Only this community's register is asked: whether another community holds the number must not
            // change the answer (that would tell where the person lives). There it is another registration
            // with a pseudonym of its own.
            if (residents.idNumberTaken(r.communityId(), idHash)) {
                throw new InvalidInputException("idNumber", Messages.text("resident.id-number-taken"), 409);
            }
        }
        String number = blankToNull(r.residentNumber());
        if (number != null && residents.numberTaken(r.communityId(), number.strip())) {
            throw new InvalidInputException("residentNumber", Messages.text("resident.number-taken"), 409);
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Set<BeneficiaryFlag> flags = r.flags() == null || r.flags().isEmpty()
                ? EnumSet.noneOf(BeneficiaryFlag.class)
                : EnumSet.copyOf(r.flags());
        Resident.Sealed sealed = new Resident.Sealed(
                id,
                UUID.randomUUID(),
                r.communityId(),
                r.gridId(),
                number == null ? null : number.strip(),
                cipher.encrypt(r.name().strip(), context(id, "name")),
                cipher.encrypt(blankToNull(r.phone()), context(id, "phone")),
                cipher.encrypt(idNumber, context(id, "id_number")),
                idHash,
                cipher.encrypt(blankToNull(r.address()), context(id, "address")),
                cipher.encrypt(flags.stream().map(Enum::name).collect(Collectors.joining(",")), context(id, "flags")),
                actor,
                now);
        residents.insert(sealed);
        residents.logAccess(id, actor, "登记 registration", CREATE, Timestamp.from(now));
        return sealed.summary();
    }

    /**
     * Opens a resident's record for {@code actor}, logging who, when and why: only for the staff of the
     * resident's community or of a station serving it (403 naming {@code id} for anyone else, the hub admin too).
     */
    @Transactional
    public Resident.Details read(UUID id, String actor, String reason) {
        Resident.Sealed s = residents
                .find(id)
                .orElseThrow(() -> new InvalidInputException("id", Messages.text("resident.not-found", id), 404));
        access.requireCommunity("id", s.communityId());
        requireNotErased(id);
        residents.logAccess(id, actor, reason, READ, Timestamp.from(clock.instant()));
        meters.counter("wushe.community.resident.reads", "action", READ).increment();
        return open(s);
    }

    /**
     * Finds a resident by ID number through its keyed hash, among the residents the caller may see;
     * logged like a read. A resident of another community is "not found" (404) rather than refused: a
     * refusal would tell where the holder of this ID number lives.
     */
    @Transactional
    public Resident.Summary lookup(String idNumber, String actor, String reason) {
        Set<UUID> visible = access.communities("POST /residents/lookup");
        String normalized = IdNumbers.normalize(idNumber);
        if (!IdNumbers.isValid(normalized)) {
            throw new InvalidInputException("idNumber", Messages.text("resident.id-number-invalid"));
        }
        Resident.Sealed s = residents.findByIdNumberHash(cipher.lookupHash(normalized)).stream()
                .filter(r -> visible.contains(r.communityId()))
                .findFirst()
                .orElseThrow(() ->
                        new InvalidInputException("idNumber", Messages.text("resident.id-number-not-found"), 404));
        residents.logAccess(s.id(), actor, reason, LOOKUP, Timestamp.from(clock.instant()));
        meters.counter("wushe.community.resident.reads", "action", LOOKUP).increment();
        return s.summary();
    }

    /**
     * Finds residents of ONE community by name: the whole name or its beginning (at least 1 CJK character
     * or 2 letters, compared as {@link NameSearch#normalize}), the whole names first, at most
     * {@value NameSearch#MAX_MATCHES}. Allowed to whoever may read their details (the staff of the community
     * or of a station serving it, {@link ResidentAccess#oneCommunity}; not the hub admin); every resident
     * answered is logged ({@value #SEARCH}) with {@code actor} and {@code reason}, in this transaction.
     * A refused search decrypts and logs nothing.
     *
     * <p>How: names are sealed with AES-GCM under a fresh nonce, so the database cannot compare them; the
     * search reads the sealed names (id and {@code name_enc}, about 60 bytes a row) of this one community
     * only and decrypts each in memory: measured about 15 µs a name (one {@code Cipher} per value), so 5,000
     * residents cost about 75 ms of CPU and 300 kB read per search, acceptable for a community register
     * (hundreds to a few thousand rows) and a clerk's search. Decrypted names are compared and dropped;
     * only the matches are opened further. This is deliberate rather than a blind index: an HMAC of the whole name finds whole names only, and a prefix
     * search would need an HMAC of every prefix of every name, whose one-character tokens group a
     * community's residents by surname for anyone who can read the table, and surname frequencies are public
     * (王, 李, 张 …), so the grouping gives the surnames away without the key. A register of hundreds to a few
     * thousand rows does not need that trade. Should registers grow to tens of thousands, a whole-name
     * blind index (exact matches from the index, prefixes still scanned) is the next step.
     */
    @Transactional
    public List<Resident.Match> searchByName(UUID communityId, String name, String actor, String reason) {
        String query = NameSearch.normalize(name);
        if (name != null && name.length() > NameSearch.MAX_QUERY_LENGTH) {
            throw new InvalidInputException(
                    "name", Messages.text("resident.name-query-size", NameSearch.MAX_QUERY_LENGTH));
        }
        if (!NameSearch.specificEnough(query)) {
            throw new InvalidInputException("name", Messages.text("resident.name-query-vague"));
        }
        UUID community = access.oneCommunity("communityId", communityId);
        record Hit(UUID id, String normalized, int rank) {}
        List<Hit> hits = residents.sealedNames(community).stream()
                .map(s -> {
                    String n = NameSearch.normalize(cipher.decryptText(s.name(), context(s.id(), "name")));
                    return new Hit(s.id(), n, NameSearch.rank(n, query));
                })
                .filter(h -> h.rank() >= 0)
                .sorted(java.util.Comparator.comparingInt(Hit::rank)
                        .thenComparingInt(h -> h.normalized().length())
                        .thenComparing(Hit::normalized)
                        .thenComparing(Hit::id))
                .limit(NameSearch.MAX_MATCHES)
                .toList();
        java.util.Map<UUID, Resident.Sealed> rows = new java.util.HashMap<>();
        residents.findAll(hits.stream().map(Hit::id).toList()).forEach(r -> rows.put(r.id(), r));
        Timestamp now = Timestamp.from(clock.instant());
        List<Resident.Match> matches = new java.util.ArrayList<>();
        for (Hit h : hits) {
            Resident.Sealed s = rows.get(h.id());
            if (s == null || !s.communityId().equals(community)) {
                continue;
            }
            Resident.Details d = open(s);
            residents.logAccess(s.id(), actor, reason, SEARCH, now);
            matches.add(new Resident.Match(
                    d.id(),
                    d.residentRef(),
                    d.communityId(),
                    d.gridId(),
                    d.residentNumber(),
                    d.name(),
                    NameSearch.maskPhone(d.phone()),
                    d.flags(),
                    d.createdAt()));
        }
        meters.counter("wushe.community.resident.reads", "action", SEARCH).increment(matches.size());
        return matches;
    }

    /**
     * Erases a resident's personal data on request (PIPL art. 47): name, phone, ID number (and its keyed hash),
     * address, flags and the community's number for them are removed; the row with its pseudonym
     * {@code residentRef} stays, so needs and the events already published (which carry only the pseudonym)
     * stay consistent, and so does the access log, with this erasure in it ({@value #ERASE}, the actor and the
     * reason). For the staff of the resident's community or the manager of a centre above it
     * ({@link ResidentAccess#requireEraser}); a second erasure is 410 Gone naming {@code id}.
     */
    @Transactional
    public void erase(UUID id, String actor, String reason) {
        Resident.Sealed s = residents
                .find(id)
                .orElseThrow(() -> new InvalidInputException("id", Messages.text("resident.not-found", id), 404));
        access.requireEraser("id", s.communityId());
        Timestamp now = Timestamp.from(clock.instant());
        if (!residents.erase(id, actor, reason, now)) {
            throw gone(id);
        }
        residents.logAccess(id, actor, reason, ERASE, now);
        events.publishEvent(new Erased(id));
        meters.counter("wushe.community.resident.reads", "action", ERASE).increment();
    }

    private void requireNotErased(UUID id) {
        if (residents.erasedAt(id).isPresent()) {
            throw gone(id);
        }
    }

    private static InvalidInputException gone(UUID id) {
        return new InvalidInputException("id", Messages.text("resident.erased", id), 410);
    }

    /** Who read the resident's data; for those who may read it. */
    public List<Resident.Access> accessLog(UUID id) {
        Resident.Sealed s = residents
                .find(id)
                .orElseThrow(() -> new InvalidInputException("id", Messages.text("resident.not-found", id), 404));
        access.requireCommunity("id", s.communityId());
        return residents.accessLog(id);
    }

    /**
     * Residents without personal data, of the communities the caller may see: the one asked for
     * ({@code communityId}, 403 when the caller may not see it) or all of them.
     */
    public List<Resident.Summary> list(UUID communityId, UUID gridId, UUID residentRef, int offset, int limit) {
        Set<UUID> communities;
        if (communityId != null) {
            access.requireCommunity("communityId", communityId);
            communities = Set.of(communityId);
        } else {
            communities = access.communities("GET /residents");
        }
        return residents.list(communities, gridId, residentRef, offset, limit);
    }

    public Optional<Pseudonym> pseudonym(UUID residentId) {
        return residents.find(residentId).map(s -> new Pseudonym(s.id(), s.residentRef(), s.communityId()));
    }

    /** Whether the resident's personal data was erased (their own account then opens nothing). */
    public boolean isErased(UUID residentId) {
        return residents.erasedAt(residentId).isPresent();
    }

    /** The resident behind a pseudonym other services carry (e.g. a social worker's VisitRaisedNeed). */
    public Optional<Pseudonym> pseudonymByRef(UUID residentRef) {
        return residents.findByRef(residentRef).map(s -> new Pseudonym(s.id(), s.residentRef(), s.communityId()));
    }

    public Optional<Pseudonym> pseudonymByNumber(UUID communityId, String residentNumber) {
        return residents
                .findByNumber(communityId, residentNumber.strip())
                .map(s -> new Pseudonym(s.id(), s.residentRef(), s.communityId()));
    }

    /**
     * Whether a public text (a need's title) names the resident. Checked by the service itself before
     * publishing, not shown to anyone, so not an access to log.
     */
    public boolean isNamedIn(UUID residentId, String text) {
        if (text == null) {
            return false;
        }
        return residents
                .find(residentId)
                .map(s -> {
                    String name = cipher.decryptText(s.name(), context(s.id(), "name"));
                    String phone = cipher.decryptText(s.phone(), context(s.id(), "phone"));
                    return (name != null && name.length() >= 2 && text.contains(name))
                            || (phone != null && text.contains(phone));
                })
                .orElse(false);
    }

    private Resident.Details open(Resident.Sealed s) {
        String flags = cipher.decryptText(s.flags(), context(s.id(), "flags"));
        Set<BeneficiaryFlag> set = EnumSet.noneOf(BeneficiaryFlag.class);
        if (flags != null && !flags.isEmpty()) {
            Arrays.stream(flags.split(",")).map(BeneficiaryFlag::valueOf).forEach(set::add);
        }
        return new Resident.Details(
                s.id(),
                s.residentRef(),
                s.communityId(),
                s.gridId(),
                s.residentNumber(),
                cipher.decryptText(s.name(), context(s.id(), "name")),
                cipher.decryptText(s.phone(), context(s.id(), "phone")),
                cipher.decryptText(s.idNumber(), context(s.id(), "id_number")),
                cipher.decryptText(s.address(), context(s.id(), "address")),
                set,
                s.createdAt());
    }

    /** Associated data binding a sealed value to its resident and column. */
    static String context(UUID residentId, String column) {
        return "resident/" + residentId + "/" + column;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
