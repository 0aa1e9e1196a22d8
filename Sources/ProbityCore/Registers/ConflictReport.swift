import Foundation

/// Why a participant must declare, not vote or withdraw on an item: the declaration, the rule
/// with its citation, and any dispensation that eased it.
public struct ConflictReason: Sendable, Hashable, Codable {
    /// The outcome after any dispensation.
    public var outcome: ConflictOutcome
    /// The outcome the rule gives without a dispensation.
    public var ruleOutcome: ConflictOutcome
    public var declarationID: UUID
    /// The declaration's label, e.g. "Disclosable pecuniary interest (Land)".
    public var declarationLabel: String
    /// Plain English, shown to the participant and the Monitoring Officer.
    public var explanation: String
    /// The governing rule first, then the statute and guidance behind it.
    public var rules: [RuleReference]
    /// Whether a dispensation can ease it (see `Dispensation`).
    public var dispensable: Bool
    /// The dispensation that eased it.
    public var dispensationID: UUID?
    /// Dispensations that would have applied but were expired, not yet in effect or not
    /// recorded by the Monitoring Officer, each with why.
    public var notes: [String]
    /// The interest is withheld as sensitive: at the meeting the participant discloses only
    /// that they have an interest (Localism Act 2011 s.32(3)).
    public var sensitive: Bool
}

/// One participant's outcome on one item.
public struct ItemConflict: Sendable, Hashable, Codable {
    public var itemID: String
    public var title: String
    public var outcome: ConflictOutcome
    public var reasons: [ConflictReason]
}

/// One participant's outcomes on every item of the matter.
public struct ParticipantConflicts: Sendable, Hashable, Codable {
    public var participant: MatterParticipant
    public var items: [ItemConflict]

    /// The most restrictive outcome on any item.
    public var overall: ConflictOutcome { items.map(\.outcome).max() ?? .clear }

    public func item(_ id: String) -> ItemConflict? { items.first { $0.itemID == id } }
}

/// The conflict check of one matter: every participant against every item.
public struct ConflictReport: Sendable, Hashable, Codable {
    public var matterID: String
    public var date: CalendarDate
    public var participants: [ParticipantConflicts]

    public func participant(_ person: PersonRef) -> ParticipantConflicts? {
        participants.first { $0.participant.person == person }
    }

    /// The outcome for `person` on `itemID`: `.clear` when the person or item is not in the report.
    public func outcome(for person: PersonRef, item itemID: String) -> ConflictOutcome {
        participant(person)?.item(itemID)?.outcome ?? .clear
    }

    public func reasons(for person: PersonRef, item itemID: String) -> [ConflictReason] {
        participant(person)?.item(itemID)?.reasons ?? []
    }

    /// Everyone with anything to declare or worse on the item, for the chair's briefing.
    public func affected(item itemID: String) -> [(person: PersonRef, outcome: ConflictOutcome)] {
        participants.compactMap { row in
            guard let outcome = row.item(itemID)?.outcome, outcome > .clear else { return nil }
            return (row.participant.person, outcome)
        }
    }
}
