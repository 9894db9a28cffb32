package org.wushe.hub.matching.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.matching.engine.EngineStats;
import org.wushe.hub.matching.engine.MatchEngine;
import org.wushe.hub.matching.proposal.BatchAssigner;
import org.wushe.hub.matching.proposal.MatchStatus;
import org.wushe.hub.matching.proposal.Matches;
import org.wushe.hub.matching.readmodel.NeedState;
import org.wushe.hub.matching.readmodel.ReadModel;

/** The engine's size and the batch, for operators. */
@RestController
@Tag(name = "engine", description = "匹配引擎 The match engine")
public class EngineController {

    public record Overview(
            EngineStats engine,
            int needsOpen,
            int needsWaiting,
            int needsMatched,
            long proposed,
            long escalated,
            long accepted,
            long reserved,
            long completed) {}

    private final MatchEngine engine;
    private final BatchAssigner batch;
    private final ReadModel readModel;
    private final Matches matches;

    public EngineController(MatchEngine engine, BatchAssigner batch, ReadModel readModel, Matches matches) {
        this.engine = engine;
        this.batch = batch;
        this.readModel = readModel;
        this.matches = matches;
    }

    @GetMapping("/engine")
    @Operation(summary = "引擎概况 Read model and match counts")
    public Overview overview() {
        return new Overview(
                engine.stats(),
                readModel.countNeeds(NeedState.OPEN),
                readModel.countNeeds(NeedState.WAITING),
                readModel.countNeeds(NeedState.MATCHED),
                matches.count(MatchStatus.PROPOSED),
                matches.count(MatchStatus.ESCALATED),
                matches.count(MatchStatus.ACCEPTED),
                matches.count(MatchStatus.RESERVED),
                matches.count(MatchStatus.COMPLETED));
    }

    @PostMapping("/batch/runs")
    @Operation(
            summary = "立即统一分配 Run the batch assignment now",
            description = "Assigns the waiting needs together (CP-SAT).")
    public BatchAssigner.Run runBatch() {
        return batch.runOnce();
    }
}
