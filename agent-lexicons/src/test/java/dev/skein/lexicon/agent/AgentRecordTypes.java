package dev.skein.lexicon.agent;

import dev.skein.core.data.MapValue;
import dev.skein.core.syntax.Nsid;
import dev.skein.lexicon.agent.comms.Broadcast;
import dev.skein.lexicon.agent.comms.Card;
import dev.skein.lexicon.agent.comms.Handoff;
import dev.skein.lexicon.agent.comms.Message;
import dev.skein.lexicon.agent.comms.Request;
import dev.skein.lexicon.agent.comms.Response;
import dev.skein.lexicon.agent.memory.Decision;
import dev.skein.lexicon.agent.memory.Episode;
import dev.skein.lexicon.agent.memory.Fact;
import dev.skein.lexicon.agent.memory.Note;
import dev.skein.lexicon.agent.memory.Summary;
import dev.skein.lexicon.agent.trust.Allowlist;
import dev.skein.lexicon.agent.trust.Block;
import dev.skein.lexicon.agent.trust.Endorsement;
import dev.skein.lexicon.runtime.LexiconRecord;
import java.util.Map;
import java.util.function.Function;

/** Each generated record type's reader, by its NSID constant. */
final class AgentRecordTypes {
    static final Map<Nsid, Function<MapValue, LexiconRecord>> READERS = Map.ofEntries(
            Map.entry(Message.NSID, Message::fromValue),
            Map.entry(Broadcast.NSID, Broadcast::fromValue),
            Map.entry(Request.NSID, Request::fromValue),
            Map.entry(Response.NSID, Response::fromValue),
            Map.entry(Handoff.NSID, Handoff::fromValue),
            Map.entry(Card.NSID, Card::fromValue),
            Map.entry(Note.NSID, Note::fromValue),
            Map.entry(Fact.NSID, Fact::fromValue),
            Map.entry(Episode.NSID, Episode::fromValue),
            Map.entry(Decision.NSID, Decision::fromValue),
            Map.entry(Summary.NSID, Summary::fromValue),
            Map.entry(Endorsement.NSID, Endorsement::fromValue),
            Map.entry(Allowlist.NSID, Allowlist::fromValue),
            Map.entry(Block.NSID, Block::fromValue));

    private AgentRecordTypes() {}

    static LexiconRecord read(Nsid type, MapValue record) {
        Function<MapValue, LexiconRecord> reader = READERS.get(type);
        if (reader == null) {
            throw new AssertionError("no generated type registered for " + type);
        }
        return reader.apply(record);
    }
}
