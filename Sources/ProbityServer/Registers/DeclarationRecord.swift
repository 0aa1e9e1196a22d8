import Fluent
import Foundation
import ProbityCore

/// One entry in the registers of declarations. The core's `Declaration` is stored whole as JSON
/// in `state`; the columns beside it repeat what lists, the public register and the reminder job
/// filter on, and are rewritten from the declaration on every change.
final class DeclarationRecord: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "declarations"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    /// `member` or `officer`, and the directory id.
    @Field(key: "declarant_kind") var declarantKind: String
    @Field(key: "declarant_id") var declarantID: UUID
    /// `DeclarationKindName` raw value: `disclosable-pecuniary`, `close-relationship`, …
    @Field(key: "kind") var kind: String
    /// The other person of a close relationship.
    @OptionalField(key: "counterpart_kind") var counterpartKind: String?
    @OptionalField(key: "counterpart_id") var counterpartID: UUID?
    /// `Sensitivity` raw value.
    @Field(key: "sensitivity") var sensitivity: String
    /// London dates, `YYYY-MM-DD`.
    @Field(key: "registered_on") var registeredOn: String
    @OptionalField(key: "ceased_on") var ceasedOn: String?
    /// Withdrawn as made in error: kept for the record, out of every register and check.
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    /// JSON `Declaration`.
    @Field(key: "state") var state: String

    init() {}

    func declaration() throws -> Declaration {
        try ComplaintJSON.decode(Declaration.self, from: state)
    }

    var isWithdrawn: Bool { withdrawnAt != nil }

    var declarant: PersonRef {
        declarantKind == "member" ? .member(declarantID) : .officer(declarantID)
    }

    /// Stores `declaration` and rewrites the columns that repeat it.
    func store(_ declaration: Declaration, at now: Date) throws {
        state = try ComplaintJSON.string(declaration)
        (declarantKind, declarantID) = NotificationCenter.split(declaration.declarant)
        kind = DeclarationKindName(declaration.kind).rawValue
        if let other = declaration.counterpart {
            let (kind, id) = NotificationCenter.split(other)
            counterpartKind = kind
            counterpartID = id
        } else {
            counterpartKind = nil
            counterpartID = nil
        }
        sensitivity = declaration.sensitivity.rawValue
        registeredOn = declaration.registeredOn.iso
        ceasedOn = declaration.ceasedOn?.iso
        updatedAt = now
    }
}

/// The kinds of entry by name, as forms, the API and the `kind` column spell them.
enum DeclarationKindName: String, CaseIterable, Sendable, Codable {
    case disclosablePecuniary = "disclosable-pecuniary"
    case otherRegisterable = "other-registerable"
    case nonRegisterable = "non-registerable"
    case closeRelationship = "close-relationship"
    case recruitment = "recruitment"
    case restriction = "restriction"

    init(_ kind: DeclarationKind) {
        switch kind {
        case .disclosablePecuniary: self = .disclosablePecuniary
        case .otherRegisterable: self = .otherRegisterable
        case .nonRegisterable: self = .nonRegisterable
        case .closeRelationship: self = .closeRelationship
        case .recruitment: self = .recruitment
        case .restriction: self = .restriction
        }
    }

    var label: String {
        switch self {
        case .disclosablePecuniary: "Disclosable pecuniary interest"
        case .otherRegisterable: "Other registerable interest"
        case .nonRegisterable: "Non-registerable interest at a meeting"
        case .closeRelationship: "Close personal relationship"
        case .recruitment: "Relationship to a candidate"
        case .restriction: "Restriction"
        }
    }

    var hint: String {
        switch self {
        case .disclosablePecuniary: "Employment, sponsorship, contracts, land, licences, corporate tenancies or securities: yours, or your spouse's or partner's. Members only."
        case .otherRegisterable: "Bodies you were appointed to by the council, public bodies, charities, bodies that seek to influence opinion or policy, gifts and hospitality."
        case .nonRegisterable: "An interest in an item at one meeting that is not on the register, for example a friend's or relative's."
        case .closeRelationship: "A close personal, family or business relationship between a member and an officer. Kept private."
        case .recruitment: "You are on a selection or appointment process and know a candidate. Kept private; the HR director decides whether you may continue."
        case .restriction: "Council tax arrears, a council tenancy, trade union office, employment by another authority, or a politically restricted post. Kept private."
        }
    }

    /// Private kinds never appear on the published register.
    var isPrivate: Bool {
        switch self {
        case .disclosablePecuniary, .otherRegisterable: false
        case .nonRegisterable, .closeRelationship, .recruitment, .restriction: true
        }
    }
}

/// A dispensation recorded by the Monitoring Officer (Localism Act 2011 s.33). The core's
/// `Dispensation` is stored whole in `state`.
final class DispensationRecord: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "dispensations"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    /// The member it is granted to; nil when granted to every member.
    @OptionalField(key: "member_id") var memberID: UUID?
    @Field(key: "granted_on") var grantedOn: String
    @Field(key: "expires_on") var expiresOn: String
    @Field(key: "created_at") var createdAt: Date
    /// JSON `Dispensation`.
    @Field(key: "state") var state: String

    init() {}

    func dispensation() throws -> Dispensation {
        try ComplaintJSON.decode(Dispensation.self, from: state)
    }

    func store(_ dispensation: Dispensation) throws {
        state = try ComplaintJSON.string(dispensation)
        if case .member(let id) = dispensation.grantee { memberID = id } else { memberID = nil }
        grantedOn = dispensation.grantedOn.iso
        expiresOn = dispensation.expiresOn.iso
    }
}

/// A duty to register interests within the registration period (Localism Act 2011 s.30(1):
/// 28 days beginning with the day the member takes office; s.31(3) for an interest disclosed at
/// a meeting; a change, under the authority's code). Recorded by the Monitoring Officer; met
/// when the member confirms their register is complete.
final class RegistrationDutyRecord: Model, AuthorityScoped, @unchecked Sendable {
    static let schema = "registration_duties"

    @ID(key: .id) var id: UUID?
    @Field(key: "authority_id") var authorityID: UUID
    @Field(key: "person_kind") var personKind: String
    @Field(key: "person_id") var personID: UUID
    /// `took-office`, `change` or `disclosed-at-meeting`.
    @Field(key: "trigger") var trigger: String
    @Field(key: "trigger_on") var triggerOn: String
    @Field(key: "last_day") var lastDay: String
    @OptionalField(key: "registered_on") var registeredOn: String?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    var person: PersonRef { personKind == "member" ? .member(personID) : .officer(personID) }

    var registrationTrigger: RegistrationTrigger? {
        guard let date = CalendarDate(iso: triggerOn) else { return nil }
        switch trigger {
        case "took-office": return .tookOffice(date)
        case "change": return .change(date)
        case "disclosed-at-meeting": return .disclosedAtMeeting(date)
        default: return nil
        }
    }
}
