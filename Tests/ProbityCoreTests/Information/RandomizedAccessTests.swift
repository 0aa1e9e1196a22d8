import Foundation
import Testing
@testable import ProbityCore

/// Thousands of random reads in a random authority, after hundreds of random need-to-know
/// requests worked through the real state machine. The policy must never let anyone read what
/// a simple, independently written safety invariant forbids, and must always let councillors read
/// what the invariant guarantees them.
@Suite("Access to documents: randomized multi-actor reads")
struct RandomizedAccessTests {
    static let day: TimeInterval = 86_400
    static let epoch = Date(timeIntervalSince1970: 1_772_452_800)

    /// What the requests left behind: the releases, and the requests themselves.
    struct Requests {
        var grants: [ReleaseGrant] = []
        var requests: [NeedToKnowRequest] = []
        var rejected = 0
        var refused = 0
    }

    /// Random requests by councillors and assistants, decided at random by the right officers
    /// (and, now and then, by the wrong ones, which must fail).
    static func makeRequests(_ world: inout RandomWorld, profile: ProtocolProfile, count: Int) throws -> Requests {
        var out = Requests()
        let reasons = [
            NeedToKnowReason(kind: .portfolio, explanation: "I hold the portfolio and must brief the Cabinet on the options before the meeting."),
            NeedToKnowReason(kind: .committeeWork, explanation: "Our scrutiny review of this service needs the figures behind the Cabinet decision."),
            NeedToKnowReason(kind: .constituentCase, explanation: "A constituent's case turns on this decision and I need the background to help them."),
            NeedToKnowReason(kind: .other, explanation: "Just curious what is in it."),
            NeedToKnowReason(kind: .other, explanation: "Need it."),
            NeedToKnowReason(kind: .other, explanation: "I want to use it against the administration in our election campaign leaflet."),
        ]
        for n in 0..<count {
            let document = world.pick(world.documents)
            let context: ViewerContext
            if world.chance(0.75) {
                context = world.memberContext(world.pick(world.members))
            } else {
                let assistant = world.pick(world.assistants)
                context = world.assistantContext(assistant, actingFor: world.pick(world.members))
            }
            let submittedAt = epoch.addingTimeInterval(Double(Int.random(in: -60...0, using: &world.rng)) * day)
            let request: NeedToKnowRequest
            do {
                request = try NeedToKnowRequest.submit(id: world.newID(), context: context, document: document,
                                                       reason: world.pick(reasons), grants: out.grants, at: submittedAt,
                                                       profile: profile, org: world.org)
            } catch {
                out.rejected += 1
                continue
            }
            var current = request
            let decidedAt = submittedAt.addingTimeInterval(Double(Int.random(in: 1...5, using: &world.rng)) * day)
            let decider = Viewer(kind: .officer, personID: world.pick(current.deciderIDs))
            // A stranger never decides.
            let stranger = Viewer(kind: .officer, personID: world.pick(world.officers.filter { !current.deciderIDs.contains($0) }))
            #expect(throws: InformationError.self) {
                _ = try current.applying(.grant(NeedToKnowRelease()), by: stranger, at: decidedAt, document: document,
                                         profile: profile, org: world.org)
            }
            let expiresAt: Date? = world.chance(0.5)
                ? decidedAt.addingTimeInterval(Double(Int.random(in: 1...90, using: &world.rng)) * day) : nil
            let roll = Int.random(in: 0..<100, using: &world.rng)
            do {
                switch roll {
                case 0..<40:
                    current = try current.applying(.grant(NeedToKnowRelease(expiresAt: expiresAt)), by: decider, at: decidedAt,
                                                   document: document, profile: profile, org: world.org)
                case 40..<55 where profile.information.redactedRelease.inForce:
                    current = try current.applying(.grant(NeedToKnowRelease(version: .redacted(note: "Prices removed."), expiresAt: expiresAt,
                                                                            redactionLeavesRoleUnimpeded: true)),
                                                   by: decider, at: decidedAt, document: document, profile: profile, org: world.org)
                case 55..<90:
                    current = try current.applying(.refuse(.notReasonablyNecessary, explanation: "The reason given does not need this document."),
                                                   by: decider, at: decidedAt, document: document, profile: profile, org: world.org)
                    if current.status == .referred {
                        let referee = Viewer(kind: .officer, personID: world.pick(current.referralIDs))
                        let action: NeedToKnowAction = world.chance(0.5)
                            ? .grant(NeedToKnowRelease(expiresAt: expiresAt))
                            : .refuse(.notReasonablyNecessary, explanation: "Determined: no need to know shown.")
                        current = try current.applying(action, by: referee, at: decidedAt.addingTimeInterval(day), document: document,
                                                       profile: profile, org: world.org)
                    }
                default:
                    break  // left with the decider
                }
                if current.status == .granted, world.chance(0.1) {
                    current = try current.applying(.revoke(reason: "The ward problem is resolved."), by: decider,
                                                   at: decidedAt.addingTimeInterval(Double(Int.random(in: 1...20, using: &world.rng)) * day),
                                                   document: document, profile: profile, org: world.org)
                }
            } catch {
                Issue.record("request \(n): a decision by the right officer failed: \(error)")
            }
            if current.status == .refused { out.refused += 1 }
            if let grant = current.grant { out.grants.append(grant) }
            out.requests.append(current)
        }
        return out
    }

    /// Releases no procedure could make but stale or corrupt data might hold: to personal
    /// records, other groups' papers and drafts. They must never open anything they should not.
    static func rogueGrants(_ world: inout RandomWorld) -> [ReleaseGrant] {
        (0..<60).map { _ in
            let document = world.pick(world.documents)
            let assistant = world.pick(world.assistants)
            return ReleaseGrant(requestID: world.newID(), documentID: document.id, memberID: world.pick(world.members),
                                raisedByAssistantID: world.chance(0.3) ? assistant.personID : nil,
                                version: .full, purpose: "stale", grantedByOfficerID: world.pick(world.officers),
                                grantedAt: epoch.addingTimeInterval(-30 * day), expiresAt: nil)
        }
    }

    // MARK: The independent invariant

    /// The officers who may see non-public council papers: the holder and everyone up their
    /// line (walked by line manager here), the Chief Executive, the Monitoring Officer, the
    /// director of the department, and the officers whose designation the profile refers requests to.
    static func officerMaySee(_ id: UUID, _ document: DocumentFacts, org: OrgSnapshot, profile: ProtocolProfile) -> Bool {
        guard let officer = org.officers[id] else { return false }
        if document.ownerOfficerID == id { return true }
        if case .groupInternal = document.documentClass { return false }
        var line: Set<UUID> = []
        var next = document.ownerOfficerID.flatMap { org.officers[$0]?.lineManagerID }
        while let manager = next, line.insert(manager).inserted { next = org.officers[manager]?.lineManagerID }
        if line.contains(id) { return true }
        if case .personal = document.documentClass { return false }
        if officer.post == .chiefExecutive || officer.designations.contains(.monitoringOfficer) { return true }
        let referralRoles = Set(profile.information.needToKnowDecision.parameters.referredTo.filter { $0.anchor == nil }.map(\.role))
        if profile.information.needToKnowDecision.inForce, !officer.designations.isDisjoint(with: referralRoles) { return true }
        let departmentDirector = document.serviceID.flatMap { org.services[$0]?.directorateID }.flatMap { org.directorates[$0]?.directorID }
        return profile.information.needToKnowDecision.inForce && departmentDirector == id
    }

    /// The councillor whose standing counts, if the reader may act as one at all.
    static func councillor(_ context: ViewerContext, org: OrgSnapshot) -> MemberStanding? {
        let viewer = context.viewer
        guard let standing = context.member, let group = org.members[standing.memberID].map({ $0.groupID }) else { return nil }
        switch viewer.kind {
        case .member: return viewer.personID == standing.memberID ? standing : nil
        case .assistant:
            return viewer.actsForMemberIDs.contains(standing.memberID) && group != nil && group == viewer.groupID ? standing : nil
        default: return nil
        }
    }

    static func currentRelease(_ grants: [ReleaseGrant], document: DocumentFacts, member: UUID, assistant: UUID?, at: Date) -> Bool {
        grants.contains { grant in
            grant.documentID == document.id && grant.memberID == member && (assistant == nil || grant.raisedByAssistantID == assistant)
                && grant.grantedAt <= at && (grant.expiresAt.map { at < $0 } ?? true) && (grant.revokedAt.map { at < $0 } ?? true)
        }
    }

    /// The most anyone may read (the safety invariant).
    static func mayRead(_ context: ViewerContext, _ document: DocumentFacts, grants: [ReleaseGrant], at: Date,
                        org: OrgSnapshot, profile: ProtocolProfile) -> Bool {
        if document.documentClass == .public { return true }
        let viewer = context.viewer
        if viewer.kind == .officer { return viewer.personID.map { officerMaySee($0, document, org: org, profile: profile) } ?? false }
        // Party workers and nobodies: public only. Councillors and assistants need a councillor's standing.
        guard let standing = councillor(context, org: org) else { return false }
        let group = org.members[standing.memberID]?.groupID
        // Private individual's access only where they have an interest.
        if !standing.declaredInterests.isDisjoint(with: document.subjects) { return false }
        let assistant = viewer.kind == .assistant ? viewer.personID : nil
        switch document.documentClass {
        case .public: return true
        case .personal: return false
        case .groupInternal(let owner): return group == owner
        case .draftPolicy where profile.information.draftsAdministrationOnly.inForce:
            return group.flatMap { org.groups[$0]?.isAdministration } == true
        case .exempt, .confidential, .draftPolicy:
            if currentRelease(grants, document: document, member: standing.memberID, assistant: assistant, at: at) { return true }
            guard assistant == nil else { return false }
            if standing.committees.contains(where: { $0.committeeID == document.committeeID }) { return true }
            return document.isCabinetItem && standing.committees.contains {
                ($0.kind == .overviewAndScrutiny || $0.kind == .scrutinySubCommittee) && !$0.termsOfReference.isDisjoint(with: document.subjects)
            }
        }
    }

    /// What councillors must always be able to read (liveness): public papers; their own body's
    /// Part II items; their own group's papers; a current release of a releasable class. All
    /// unless they have an interest in the matter.
    static func mustRead(_ context: ViewerContext, _ document: DocumentFacts, grants: [ReleaseGrant], at: Date,
                         org: OrgSnapshot, profile: ProtocolProfile) -> Bool {
        if document.documentClass == .public { return true }
        guard context.viewer.kind == .member, let standing = councillor(context, org: org),
              standing.declaredInterests.isDisjoint(with: document.subjects) else { return false }
        let group = org.members[standing.memberID]?.groupID
        switch document.documentClass {
        case .groupInternal(let owner): return group == owner
        case .exempt, .confidential:
            return standing.committees.contains { $0.committeeID == document.committeeID }
                || currentRelease(grants, document: document, member: standing.memberID, assistant: nil, at: at)
        default: return false
        }
    }

    // MARK: Tests

    @Test(arguments: [("tower-hamlets", UInt64(2026)), ("wigan", 7), ("leicestershire", 1972), ("tower-hamlets", 12_23)])
    func nobodyReadsWhatTheyShouldNot(profileID: String, seed: UInt64) throws {
        let profile = try #require(try BuiltInProfiles.named(profileID))
        var world = RandomWorld(seed: seed)
        let made = try Self.makeRequests(&world, profile: profile, count: 400)
        let grants = made.grants + Self.rogueGrants(&world)
        // The requests did something: releases, refusals and rejections all happened.
        #expect(made.grants.count > 20)
        #expect(made.refused > 5)
        #expect(made.rejected > 20)

        var violations: [String] = []
        var allowedCount = 0
        var denials = 0
        for _ in 0..<8_000 {
            let context = world.randomReader()
            let document = world.pick(world.documents)
            let at = Self.epoch.addingTimeInterval(Double(Int.random(in: -40...70, using: &world.rng)) * Self.day)
            let access = DocumentPolicy.access(context: context, document: document, grants: grants, at: at, profile: profile, org: world.org)
            let upper = Self.mayRead(context, document, grants: grants, at: at, org: world.org, profile: profile)
            let lower = Self.mustRead(context, document, grants: grants, at: at, org: world.org, profile: profile)
            if access.allowed { allowedCount += 1 } else { denials += 1 }
            if access.allowed && !upper {
                violations.append("ALLOWED \(context.viewer.kind) \(context.viewer.personID?.uuidString ?? "-") to read \(document.documentClass) \(document.title): \(access.decision.explanation)")
            }
            if !access.allowed && lower {
                violations.append("REFUSED \(context.viewer.kind) \(context.viewer.personID?.uuidString ?? "-") \(document.documentClass) \(document.title): \(access.decision.explanation)")
            }
            if access.allowed, !document.documentClass.isPublic {
                #expect(access.handling?.markedConfidential == true)
            }
        }
        #expect(violations.isEmpty, "\(violations.count) violations, first: \(violations.prefix(5).joined(separator: "\n"))")
        #expect(allowedCount > 1_000 && denials > 1_000)
    }

    /// TH 12.19: a councillor's requests are never made known to another councillor or group.
    @Test func requestsAreNeverShownToOtherCouncillors() throws {
        let profile = try #require(try BuiltInProfiles.named("tower-hamlets"))
        var world = RandomWorld(seed: 1219)
        let made = try Self.makeRequests(&world, profile: profile, count: 400)
        #expect(made.requests.count > 40)
        var shownToOthers = 0
        for _ in 0..<4_000 {
            let request = world.pick(made.requests)
            let reader = world.randomReader().viewer
            guard let document = world.documents.first(where: { $0.id == request.documentID }) else { continue }
            let decision = DocumentPolicy.canViewRequest(viewer: reader, request: request, document: document, profile: profile, org: world.org)
            guard decision.allowed else { continue }
            switch reader.kind {
            case .member where reader.personID != request.memberID: shownToOthers += 1
            case .assistant where reader.personID != request.raisedByAssistantID || !reader.actsForMemberIDs.contains(request.memberID):
                shownToOthers += 1
            case .partyWorker, .none: shownToOthers += 1
            default: break
            }
        }
        #expect(shownToOthers == 0)
    }
}
