import Foundation

extension OrgSnapshot {
    /// The officer's managers, nearest first, following line management and then the service
    /// and directorate heads; stops at the Chief Executive and never loops.
    public func managementLine(of officerID: UUID) -> [UUID] {
        var line: [UUID] = []
        var seen: Set<UUID> = [officerID]
        var current = officerID
        while let next = manager(of: current), !seen.contains(next) {
            line.append(next)
            seen.insert(next)
            current = next
        }
        return line
    }

    /// Everyone whose management line includes `officerID`: those they manage, directly or
    /// through others. The same as asking `managementLine(of:)` of every officer, in one pass.
    public func officersManaged(by officerID: UUID) -> Set<UUID> {
        var reports: [UUID: [UUID]] = [:]
        for id in officers.keys {
            if let manager = manager(of: id) { reports[manager, default: []].append(id) }
        }
        var managed: Set<UUID> = []
        var queue = reports[officerID] ?? []
        while let next = queue.popLast() {
            guard next != officerID, managed.insert(next).inserted else { continue }
            queue += reports[next] ?? []
        }
        return managed
    }

    /// The officer's line manager, or where none is recorded, the head of their service, their
    /// director, then the Chief Executive.
    public func manager(of officerID: UUID) -> UUID? {
        guard let officer = officers[officerID] else { return nil }
        if let direct = officer.lineManagerID, officers[direct] != nil { return direct }
        if officer.post == .chiefExecutive { return nil }
        if let head = officer.serviceID.flatMap({ services[$0]?.headOfServiceID }), head != officerID { return head }
        if let director = directorID(of: officerID), director != officerID { return director }
        return chiefExecutiveID.flatMap { $0 == officerID ? nil : $0 }
    }

    /// The director over the officer: their directorate's director, or their service's.
    public func directorID(of officerID: UUID) -> UUID? {
        guard let officer = officers[officerID] else { return nil }
        let directorate = officer.directorateID ?? officer.serviceID.flatMap { services[$0]?.directorateID }
        if let director = directorate.flatMap({ directorates[$0]?.directorID }) { return director }
        // No directorate recorded: the first director up the line.
        var seen: Set<UUID> = [officerID]
        var current = officer.lineManagerID
        while let id = current, !seen.contains(id), let next = officers[id] {
            if next.post.isDirector { return id }
            seen.insert(id)
            current = next.lineManagerID
        }
        return nil
    }

    /// The first officer up the line whose post is Assistant Director.
    public func assistantDirectorID(of officerID: UUID) -> UUID? {
        managementLine(of: officerID).first { officers[$0]?.post == .assistantDirector }
    }

    public var chiefExecutiveID: UUID? {
        officers.values.filter { $0.post == .chiefExecutive }.map(\.id).min()
    }

    /// Officers holding a designation, e.g. the Monitoring Officer.
    public func holders(of role: OrgRole) -> [UUID] {
        officers.values.filter { $0.designations.contains(role) }.map(\.id).sorted()
    }

    /// The service's director: its directorate's director.
    public func directorID(ofService serviceID: UUID) -> UUID? {
        services[serviceID]?.directorateID.flatMap { directorates[$0]?.directorID }
    }
}
