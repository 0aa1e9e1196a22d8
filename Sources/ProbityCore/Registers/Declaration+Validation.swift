import Foundation

/// What is wrong with a declaration before it is saved, in plain English, with the field.
public struct DeclarationIssue: Sendable, Hashable {
    public var field: String
    public var message: String
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}

extension Declaration {
    /// Problems that stop the declaration being saved; empty when it is sound.
    public func issues(org: OrgSnapshot) -> [DeclarationIssue] {
        var issues: [DeclarationIssue] = []
        switch declarant {
        case .member(let id) where org.members[id] == nil:
            issues.append(.init(field: "declarant", message: "The declarant is not a member in the directory."))
        case .officer(let id) where org.officers[id] == nil:
            issues.append(.init(field: "declarant", message: "The declarant is not an officer in the directory."))
        default:
            break
        }
        if description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, kind.needsDescription {
            issues.append(.init(field: "description", message: "Say what the interest is."))
        }
        if let ceasedOn, ceasedOn <= registeredOn {
            issues.append(.init(field: "ceasedOn", message: "An entry cannot cease on or before the day it was registered."))
        }
        switch kind {
        case .disclosablePecuniary(_, let holder):
            if case .officer = declarant {
                issues.append(.init(field: "kind", message: "Disclosable pecuniary interests are members' interests (Localism Act 2011 s.30). Officers register their interests as other registerable interests."))
            }
            if holder == .member, relatedPersonName != nil {
                issues.append(.init(field: "relatedPersonName", message: "Name a spouse or partner only for their interest."))
            }
        case .otherRegisterable:
            break
        case .nonRegisterable(let meetingID, _):
            if meetingID.isEmpty { issues.append(.init(field: "kind.meetingID", message: "Name the meeting the interest is declared at.")) }
        case .closeRelationship(let relationship):
            if relationship.with == declarant {
                issues.append(.init(field: "kind.with", message: "A relationship is with someone else."))
            }
            switch (declarant, relationship.with) {
            case (.member, .officer(let id)) where org.officers[id] == nil,
                 (.officer, .officer(let id)) where org.officers[id] == nil:
                issues.append(.init(field: "kind.with", message: "The officer is not in the directory."))
            case (.officer, .member(let id)) where org.members[id] == nil,
                 (.member, .member(let id)) where org.members[id] == nil:
                issues.append(.init(field: "kind.with", message: "The member is not in the directory."))
            default:
                break
            }
        case .recruitment(let link):
            if link.candidateName.trimmingCharacters(in: .whitespaces).isEmpty {
                issues.append(.init(field: "kind.candidateName", message: "Name the candidate."))
            }
            if link.processID.isEmpty {
                issues.append(.init(field: "kind.processID", message: "Name the selection or appointment process."))
            }
        case .restriction(let restriction):
            issues += restriction.issues(declarant: declarant)
        }
        return issues
    }
}

extension DeclarationKind {
    /// Restrictions and relationships describe themselves; interests need the declarant's words.
    var needsDescription: Bool {
        switch self {
        case .disclosablePecuniary, .otherRegisterable, .nonRegisterable: true
        case .closeRelationship, .recruitment, .restriction: false
        }
    }
}

extension Restriction {
    func issues(declarant: PersonRef) -> [DeclarationIssue] {
        var issues: [DeclarationIssue] = []
        if case .officer = declarant {
            switch self {
            case .councilTaxArrears, .councilTenancy, .tradeUnion, .otherAuthorityEmployment:
                issues.append(.init(field: "kind", message: "This restriction applies to members, not officers."))
            case .politicallyRestrictedPost:
                break
            }
        }
        switch self {
        case .councilTaxArrears(let months) where months < 0,
             .councilTenancy(_, let months) where months < 0:
            issues.append(.init(field: "kind.months", message: "Arrears cannot be a negative number of months."))
        case .tradeUnion(let union, _) where union.trimmingCharacters(in: .whitespaces).isEmpty:
            issues.append(.init(field: "kind.union", message: "Name the trade union."))
        case .otherAuthorityEmployment(let authority) where authority.trimmingCharacters(in: .whitespaces).isEmpty:
            issues.append(.init(field: "kind.authority", message: "Name the authority."))
        default:
            break
        }
        return issues
    }
}
