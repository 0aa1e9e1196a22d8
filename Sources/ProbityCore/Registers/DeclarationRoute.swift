import Foundation

/// Who receives a declaration when it is made, resolved from the profile and the directory.
public struct DeclarationRoute: Sendable, Hashable, Codable {
    public var declarationID: UUID
    /// Those it is declared to (LC 9: the Chief Executive, or the member's group leader; TH 14.14:
    /// the party whip, or the officer's manager; TH 14.2: the HR director).
    public var to: [PersonRef]
    public var copyTo: [PersonRef]
    /// Those told because the declarant thinks the relationship might be seen as unduly
    /// influencing their work (TH 5.2: the Monitoring Officer). Empty otherwise.
    public var informed: [PersonRef]
    /// Those the profile would tell were the relationship flagged as possibly unduly
    /// influencing, shown on the form so the declarant knows what ticking it does.
    public var informedIfUndueInfluence: [PersonRef]
    public var rules: [RuleReference]
    /// Recipients the directory could not resolve, in plain English.
    public var unresolved: [String]
    /// What the declarant should know, e.g. that the protocol names nobody.
    public var notes: [String]

    /// Everyone who receives it, without repeats, in order.
    public var recipients: [PersonRef] {
        var seen: Set<PersonRef> = []
        return (to + copyTo + informed).filter { seen.insert($0).inserted }
    }
}
