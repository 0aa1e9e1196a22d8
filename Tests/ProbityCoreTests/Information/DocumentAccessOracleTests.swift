import Foundation
import Testing
@testable import ProbityCore

/// `DocumentPolicy` agrees with the oracle table on every row and every situation.
@Suite("Access to documents: the policy agrees with the oracle")
struct DocumentAccessOracleTests {
    typealias F = InformationFixture
    typealias O = DocumentAccessOracle

    static func context(_ actor: O.Actor) -> ViewerContext {
        switch actor {
        case .cabinetMember: F.member(F.cabinetMember)
        case .sameGroupMember: F.member(F.sameGroupMember)
        case .otherGroupMember: F.member(F.otherGroupMember)
        case .scrutinyWithin: F.member(F.scrutinyWithin)
        case .scrutinyOutside: F.member(F.scrutinyOutside)
        case .interestedMember: F.member(F.interestedMember)
        case .planningMember: F.member(F.planningMember)
        case .assistantActing: F.labourAssistant(actingFor: F.sameGroupMember)
        case .assistantNotActing: F.labourAssistant(actingFor: F.cabinetMember)
        case .partyWorker: .plain(F.partyWorkerViewer)
        case .ownerOfficer: F.officer(F.housingOfficer)
        case .unrelatedOfficer: F.officer(F.parksOfficer)
        case .monitoringOfficer: F.officer(F.monitoringOfficer)
        case .chiefExecutive: F.officer(F.chiefExecutive)
        case .governanceDirector: F.officer(F.governanceDirector)
        }
    }

    static func document(_ document: O.Document) -> DocumentFacts {
        switch document {
        case .publicCabinet: F.document(.public)
        case .exemptCabinet: F.document(.exempt(.financialOrBusinessAffairs))
        case .exemptPlanning: F.document(.exempt(.individual), committee: F.planning, cabinetItem: false)
        case .confidentialCabinet: F.document(.confidential)
        case .labourInternal: F.document(.groupInternal(groupID: F.labour), committee: nil, cabinetItem: false)
        case .conservativeInternal: F.document(.groupInternal(groupID: F.conservative), committee: nil, cabinetItem: false)
        case .draftPolicy: F.document(.draftPolicy, committee: nil, cabinetItem: false)
        case .personalRecord: F.document(.personal, committee: nil, cabinetItem: false)
        }
    }

    /// Whose release a situation concerns, and who raised it.
    static func beneficiary(_ actor: O.Actor) -> (member: UUID, assistant: UUID?) {
        switch actor {
        case .cabinetMember: (F.cabinetMember, nil)
        case .sameGroupMember: (F.sameGroupMember, nil)
        case .otherGroupMember: (F.otherGroupMember, nil)
        case .scrutinyWithin: (F.scrutinyWithin, nil)
        case .scrutinyOutside: (F.scrutinyOutside, nil)
        case .interestedMember: (F.interestedMember, nil)
        case .planningMember: (F.planningMember, nil)
        case .assistantActing: (F.sameGroupMember, F.labourAssistant)
        case .assistantNotActing: (F.cabinetMember, F.labourAssistant)
        // Releases to councillors never reach anyone else.
        case .partyWorker, .ownerOfficer, .unrelatedOfficer, .monitoringOfficer, .chiefExecutive, .governanceDirector:
            (F.sameGroupMember, nil)
        }
    }

    static let situations = ["no request", "granted", "granted redacted", "refused", "expired release"]

    static func grants(situation: Int, actor: O.Actor, document: DocumentFacts) -> [ReleaseGrant] {
        let (member, assistant) = beneficiary(actor)
        switch situation {
        case 1: return [F.grant(to: member, document: document, raisedBy: assistant)]
        case 2: return [F.grant(to: member, document: document,
                                version: .redacted(note: "Tenderers' prices removed (commercially sensitive)."), raisedBy: assistant)]
        case 3: return [F.grant(to: F.labourLeader, document: document)]
        case 4: return [F.grant(to: member, document: document, raisedBy: assistant, grantedAt: F.day(-60), expiresAt: F.day(-30))]
        default: return []
        }
    }

    @Test func theTableCoversEveryActorAndEveryDocumentClassUnderTowerHamlets() {
        let covered = Set(O.rows.filter { $0.profile == "tower-hamlets" }.map { "\($0.actor)|\($0.document)" })
        for actor in O.Actor.allCases {
            for document in O.Document.allCases {
                #expect(covered.contains("\(actor)|\(document)"), "no oracle row for \(actor.rawValue) × \(document.rawValue)")
            }
        }
        #expect(O.rows.allSatisfy { $0.expected.count == Self.situations.count })
    }

    @Test(arguments: O.rows.indices)
    func policyAgreesWithOracleRow(index: Int) throws {
        let row = O.rows[index]
        let document = Self.document(row.document)
        for situation in Self.situations.indices {
            let grants = Self.grants(situation: situation, actor: row.actor, document: document)
            let access = try F.access(Self.context(row.actor), document, grants: grants, profile: row.profile)
            #expect(access.allowed == row.expected[situation],
                    "\(row.profile): \(row.actor.rawValue) × \(row.document.rawValue) × \(Self.situations[situation]): oracle says \(row.expected[situation] ? "allowed" : "refused") [\(row.cite)], policy says \(access.decision.explanation)")
            #expect(!access.decision.reasons.isEmpty)
            if access.allowed {
                #expect(access.version != nil)
                #expect((access.handling != nil) == (row.document != .publicCabinet), "non-public information is marked confidential")
            } else {
                #expect(access.version == nil && access.handling == nil)
            }
        }
    }
}
