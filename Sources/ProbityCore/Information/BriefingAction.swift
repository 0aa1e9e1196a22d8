import Foundation

/// A step in a party group briefing.
public enum BriefingAction: Sendable, Hashable {
    /// The gatekeeper assigns the officer (TH 6.4(i); LC 6; Wigan 8.3). Where the profile offers
    /// briefings to the other groups automatically, `neutralTopic` is the wording they are offered.
    case assign(officerID: UUID, accompanyingOfficerIDs: [UUID] = [], neutralTopic: String? = nil)
    /// The assigned officer declines, where the profile lets them (Wigan 8.3).
    case decline(reason: String)
    /// The Chief Executive agrees, or not, to non-councillors being present (TH 6.4(ii)).
    case decideAttendance(agreed: Bool, note: String)
    /// The gatekeeper offers the same briefing to another group that asks (TH 6.3; LC 6).
    case offer(toGroupID: UUID, neutralTopic: String)
    /// A councillor of an offered group accepts or declines the offer.
    case answerOffer(groupID: UUID, accept: Bool)
    /// The briefing took place; the officer confirms they left before party business or any decision.
    case hold(officerLeftBeforePartyBusiness: Bool)
    /// The officer saves their record: facts and options (TH 6.4(iii)).
    case saveRecord(facts: [String], options: [BriefingOption])
    /// The group withdraws the request.
    case withdraw(reason: String)
}
