import Fluent
import Foundation
import ProbityCore
import Vapor

extension OrgSnapshot {
    /// The authority's directory as routing and need-to-know rules read it. Directories are
    /// small (hundreds to a few thousand people), so the whole snapshot is read at once.
    static func load(authorityID: UUID, on db: any Database) async throws -> OrgSnapshot {
        async let officers = ProbityServer.Officer.scoped(to: authorityID, on: db).all()
        async let services = ProbityServer.Service.scoped(to: authorityID, on: db).all()
        async let directorates = ProbityServer.Directorate.scoped(to: authorityID, on: db).all()
        async let members = ProbityServer.Member.scoped(to: authorityID, on: db).all()
        async let groups = PartyGroup.scoped(to: authorityID, on: db).all()
        return OrgSnapshot(
            officers: try await officers.map {
                .init(id: $0.id!, name: $0.name, post: OfficerPost(rawValue: $0.post) ?? .officer,
                      designations: Set($0.designations.compactMap(OrgRole.init(rawValue:))),
                      serviceID: $0.serviceID, directorateID: $0.directorateID, lineManagerID: $0.lineManagerOfficerID)
            },
            services: try await services.map {
                .init(id: $0.id!, name: $0.name, directorateID: $0.directorateID, headOfServiceID: $0.headOfServiceOfficerID,
                      liaisonOfficerID: $0.liaisonOfficerID, complaintsOfficerID: $0.complaintsOfficerID)
            },
            directorates: try await directorates.map { .init(id: $0.id!, name: $0.name, directorID: $0.directorOfficerID) },
            members: try await members.map {
                .init(id: $0.id!, name: $0.name, wardID: $0.wardID, groupID: $0.groupID, position: $0.position,
                      executiveRole: $0.executiveRole, portfolio: $0.portfolio)
            },
            groups: try await groups.map {
                .init(id: $0.id!, name: $0.name, leaderID: $0.leaderMemberID, whipID: $0.whipMemberID, isAdministration: $0.isAdministration)
            })
    }

    /// "Cllr Okafor", "Priya Shah (Head of Highways)": a person's name for pages and messages.
    func name(of person: PersonRef) -> String {
        switch person {
        case .officer(let id): officers[id]?.name ?? "An officer no longer in the directory"
        case .member(let id): members[id]?.name ?? "A member no longer in the directory"
        }
    }
}

extension Request {
    func orgSnapshot() async throws -> OrgSnapshot {
        try await probity.authorityCache.org(requireActor().authorityID, on: db)
    }

    /// The signed-in actor as need-to-know policies see them.
    func viewer() async throws -> Viewer {
        let actor = try requireActor()
        // A platform administrator at work in another authority is nobody there.
        guard actor.homeAuthorityID == actor.authorityID, let personID = actor.personID else {
            return Viewer(kind: .none, personID: nil)
        }
        switch actor.personKind {
        case .member:
            let member = try await Member.find(personID, in: actor.authorityID, on: db)
            return Viewer(kind: .member, personID: personID, groupID: member?.groupID)
        case .officer:
            return Viewer(kind: .officer, personID: personID,
                          designations: Set(actor.designations.compactMap(OrgRole.init(rawValue:))))
        case .assistant:
            let assistant = try await GroupAssistant.find(personID, in: actor.authorityID, on: db)
            return Viewer(kind: .assistant, personID: personID, groupID: assistant?.groupID,
                          actsForMemberIDs: Set(assistant?.actsForMemberIDs ?? []))
        case .none:
            return Viewer(kind: .none, personID: nil)
        }
    }
}
