import Foundation

/// One option put to the group, with its merits and demerits for the authority (TH 6.4(iii)).
public struct BriefingOption: Sendable, Hashable, Codable {
    public var title: String
    public var merits: [String]
    public var demerits: [String]

    public init(title: String, merits: [String] = [], demerits: [String] = []) {
        self.title = title
        self.merits = merits
        self.demerits = demerits
    }
}

/// The officer's record of a party group briefing: material facts and options with their merits
/// and demerits for the authority, and, where the profile says so, nothing else: no
/// recommendations to the group and no political implications (TH 6.4(iii)).
public struct BriefingRecord: Sendable, Hashable, Codable {
    public var facts: [String]
    public var options: [BriefingOption]
    public var byOfficerID: UUID
    public var savedAt: Date

    /// Wording that makes a recommendation to the group.
    static let recommendationPhrases = [
        "we recommend", "i recommend", "officers recommend", "officers would recommend", "we would recommend",
        "it is recommended", "is recommended that", "are recommended to", "our recommendation", "officers' recommendation",
        "officer recommendation", "recommended option", "the recommendation is", "recommend that the group",
        "should adopt", "should be adopted", "the group should", "the group must", "the group ought to",
        "members should support", "members should vote", "should vote", "we advise the group", "officers advise the group",
        "we suggest the group", "the preferred option", "officers prefer", "we prefer", "the best option is",
        "the group is advised to",
    ]

    /// Wording that deals with the political implications of the matter (TH 6.4(iii)).
    static let politicalPhrases = [
        "political implications", "politically advantageous", "political advantage", "electoral advantage",
        "electorally", "win votes", "lose votes", "cost votes", "the voters", "the opposition will", "the other parties will",
    ]

    /// The record as the officer wrote it, checked: something in it, every text present, and
    /// where `briefings.factsAndOptionsOnly` is in force no recommendation and no politics.
    static func validated(facts: [String], options: [BriefingOption], by officerID: UUID, at: Date,
                          profile: ProtocolProfile) throws(InformationError) -> BriefingRecord {
        let cleanFacts = facts.map(InformationText.clean).filter { !$0.isEmpty }
        var cleanOptions: [BriefingOption] = []
        for (index, option) in options.enumerated() {
            let title = try InformationText.required(option.title, field: "options[\(index)].title", missing: "Give each option a title.")
            cleanOptions.append(BriefingOption(title: title,
                                               merits: option.merits.map(InformationText.clean).filter { !$0.isEmpty },
                                               demerits: option.demerits.map(InformationText.clean).filter { !$0.isEmpty }))
        }
        guard !cleanFacts.isEmpty || !cleanOptions.isEmpty else {
            throw InformationError(.invalidField, "Record the material facts and the options put to the group.", field: "facts")
        }
        let rule = profile.briefings.factsAndOptionsOnly
        if rule.inForce {
            let reference = rule.reference(in: profile.document)
            for (field, text) in texts(facts: cleanFacts, options: cleanOptions) {
                if let phrase = InformationText.firstPhrase(recommendationPhrases, in: text) {
                    throw InformationError(.recommendationInRecord,
                                           "Remove \"\(phrase)\": a briefing record states material facts and options with their merits and demerits for the authority, and makes no recommendation to the group.",
                                           field: field, rule: reference)
                }
                if let phrase = InformationText.firstPhrase(politicalPhrases, in: text) {
                    throw InformationError(.politicalImplicationsInRecord,
                                           "Remove \"\(phrase)\": officer support to a group does not deal with the political implications of the matter or of any option.",
                                           field: field, rule: reference)
                }
            }
        }
        return BriefingRecord(facts: cleanFacts, options: cleanOptions, byOfficerID: officerID, savedAt: at)
    }

    /// Every text of the record with the form field it came from.
    private static func texts(facts: [String], options: [BriefingOption]) -> [(String, String)] {
        var out = facts.enumerated().map { ("facts[\($0.offset)]", $0.element) }
        for (index, option) in options.enumerated() {
            out.append(("options[\(index)].title", option.title))
            out += option.merits.enumerated().map { ("options[\(index)].merits[\($0.offset)]", $0.element) }
            out += option.demerits.enumerated().map { ("options[\(index)].demerits[\($0.offset)]", $0.element) }
        }
        return out
    }
}
