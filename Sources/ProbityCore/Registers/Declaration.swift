import Foundation

/// One entry in the registers: an interest, a close relationship, a relationship to a candidate
/// or a restriction, made by a member or an officer.
public struct Declaration: Sendable, Hashable, Codable, Identifiable {
    public var id: UUID
    public var declarant: PersonRef
    public var kind: DeclarationKind
    /// What the interest is, in the declarant's words ("Director of Acme Widgets Ltd").
    /// Published for registerable interests unless withheld as sensitive; so the name of a
    /// spouse or partner goes in `relatedPersonName`, never here.
    public var description: String
    /// The name of the spouse or partner whose interest this is (Localism Act 2011 s.30(3)),
    /// or of the relative or friend a non-registerable interest concerns. Never published.
    public var relatedPersonName: String?
    /// What the interest touches. Relationships, recruitment links and council tenancies add
    /// their own tags (see `effectiveTags`).
    public var tags: Set<InterestTag>
    public var sensitivity: Sensitivity
    /// The declarant or the Monitoring Officer judges the interest so significant that a
    /// reasonable member of the public with all the facts would think it likely to impair
    /// judgement of the public interest, so the declarant withdraws (TH 3.26–3.27, 4.17–4.18).
    public var judgedSignificant: Bool
    /// The day it was declared or registered.
    public var registeredOn: CalendarDate
    /// The first day it no longer applies.
    public var ceasedOn: CalendarDate?

    public init(
        id: UUID, declarant: PersonRef, kind: DeclarationKind, description: String, relatedPersonName: String? = nil,
        tags: Set<InterestTag> = [], sensitivity: Sensitivity = .none, judgedSignificant: Bool = false,
        registeredOn: CalendarDate, ceasedOn: CalendarDate? = nil
    ) {
        self.id = id
        self.declarant = declarant
        self.kind = kind
        self.description = description
        self.relatedPersonName = relatedPersonName
        self.tags = tags
        self.sensitivity = sensitivity
        self.judgedSignificant = judgedSignificant
        self.registeredOn = registeredOn
        self.ceasedOn = ceasedOn
    }

    /// In force on `date`: registered on or before it and not yet ceased.
    public func isCurrent(on date: CalendarDate) -> Bool {
        registeredOn <= date && (ceasedOn.map { date < $0 } ?? true)
    }

    /// The other person in a close relationship.
    public var counterpart: PersonRef? { kind.relationship?.with }

    /// The declared tags in normalised form, with the tags the kind implies: the other person
    /// of a relationship, the process and post of a recruitment link, the home of a council
    /// tenant, the union of a union official.
    public var effectiveTags: Set<InterestTag> {
        var result = Set(tags.map(\.normalised))
        switch kind {
        case .closeRelationship(let relationship):
            result.insert(.person(relationship.with))
        case .recruitment(let link):
            result.insert(InterestTag.recruitment(link.processID).normalised)
            if !link.post.isEmpty { result.insert(InterestTag.post(link.post).normalised) }
        case .restriction(.councilTenancy(let address, _)) where !address.isEmpty:
            result.insert(InterestTag.land(address).normalised)
        case .restriction(.tradeUnion(let union, _)) where !union.isEmpty:
            result.insert(InterestTag.body(union).normalised)
        case .disclosablePecuniary, .otherRegisterable, .nonRegisterable, .restriction:
            break
        }
        return result
    }
}
