import Foundation

extension PersonRef {
    /// A member complains as a member, an officer as an officer.
    public var complainantKind: ComplainantKind {
        switch self {
        case .member: .member
        case .officer: .officer
        }
    }
}

extension OrgSnapshot {
    /// Every kind of subject this person is, as profiles' routes name them, most specific first;
    /// empty when the person is not in the directory.
    ///
    /// Officers: the Chief Executive; the Monitoring Officer (a designation); a director
    /// (Corporate or Divisional Director); otherwise an officer ("any officer below director").
    /// A director is never also `officer`: the route for an officer sends the complaint to the
    /// subject's director, who for a director is themself.
    ///
    /// Members: the Chair (position `chair` or `mayor`, as recipient resolution reads it); a
    /// group leader; and always a member, because every Chair and group leader is a member
    /// (TH 1.8: "a councillor (including the Mayor)").
    public func complaintSubjectKinds(of person: PersonRef) -> [ComplaintSubjectKind] {
        switch person {
        case .officer(let id):
            guard let officer = officers[id] else { return [] }
            var kinds: [ComplaintSubjectKind] = []
            if officer.post == .chiefExecutive { kinds.append(.chiefExecutive) }
            if officer.designations.contains(.monitoringOfficer) { kinds.append(.monitoringOfficer) }
            if officer.post.isDirector {
                kinds.append(.director)
            } else if officer.post != .chiefExecutive {
                kinds.append(.officer)
            }
            return kinds
        case .member(let id):
            guard let member = members[id] else { return [] }
            var kinds: [ComplaintSubjectKind] = []
            if member.position == "chair" || member.position == "mayor" { kinds.append(.chair) }
            if groups.values.contains(where: { $0.leaderID == id }) { kinds.append(.groupLeader) }
            kinds.append(.member)
            return kinds
        }
    }

    /// The parties of a complaint, by the anchors profiles name them with: `complainant`,
    /// `subject`, and `officer` / `member` for the officer and the member in the case (the
    /// subject where both parties are of one kind), so that ladders written
    /// `officer.head-of-service` (LC 13) and `subject.line-manager` (Wigan 5.1) both resolve.
    public func complaintParties(complainant: PersonRef, subject: PersonRef) -> CaseParties {
        var parties = CaseParties()
        parties[.complainant] = Self.partyRef(complainant)
        parties[.subject] = Self.partyRef(subject)
        for person in [subject, complainant] {
            switch person {
            case .officer where parties[.officer] == nil: parties[.officer] = Self.partyRef(person)
            case .member where parties[.member] == nil: parties[.member] = Self.partyRef(person)
            default: break
            }
        }
        return parties
    }

    private static func partyRef(_ person: PersonRef) -> PartyRef {
        switch person {
        case .officer(let id): .officer(id)
        case .member(let id): .member(id)
        }
    }
}
