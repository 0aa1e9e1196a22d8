import Fluent
import Foundation
import ProbityCore

/// The messages complaints send, written in the change's own transaction. They carry the
/// reference, the step and the rule, never the complaint's content or who made it: each
/// recipient opens the case and sees what the access policy gives them.
enum ComplaintMessages {
    static func link(_ record: ComplaintRecord) -> String {
        "/complaints/\((record.id ?? UUID()).uuidString.lowercased())"
    }

    static func received(record: ComplaintRecord, opened: OpenedComplaint, monitors: [PersonRef],
                         center: NotificationCenter, on db: any Database, at now: Date) async throws {
        let complaint = opened.complaint
        let what = complaint.kind.displayName
        let key = "complaint.received:\(record.reference)"
        if let handler = complaint.handler {
            let rule = opened.routing.routed.map { " under \($0.rule.citation)" } ?? ""
            try await center.send(.init(
                category: "complaint.assigned", subject: "\(record.reference): a \(what) for you to handle",
                body: "A \(what) has come to you\(rule). \(opened.deadline.display). Keep it in the strictest confidence.",
                link: link(record), eventKey: key), to: [handler], on: db, at: now)
        }
        let copied = complaint.copiedTo.subtracting([complaint.handler].compactMap { $0 })
        if !copied.isEmpty {
            try await center.send(.init(
                category: "complaint.copied", subject: "\(record.reference): a copy of a \(what)",
                body: "The protocol sends you a copy of this \(what)\(citation(opened)). Keep it in the strictest confidence.",
                link: link(record), eventKey: key), to: Array(copied), on: db, at: now)
        }
        if !complaint.informed.isEmpty {
            try await center.send(.init(
                category: "complaint.informed", subject: "\(record.reference): you are told of a \(what)",
                body: "The protocol tells you of this \(what)\(citation(opened)), but not its details.",
                link: link(record), eventKey: key), to: Array(complaint.informed), on: db, at: now)
        }
        if complaint.handler == nil, !monitors.isEmpty {
            try await center.send(.init(
                category: "complaint.unrouted", subject: "\(record.reference): a \(what) with nobody to handle it",
                body: "Probity could not find anyone in the directory to handle this \(what) under the protocol. Decide who handles it and give it to them.",
                link: link(record), eventKey: key), to: monitors, on: db, at: now)
        }
    }

    private static func citation(_ opened: OpenedComplaint) -> String {
        opened.routing.routed.map { " (\($0.rule.citation))" } ?? ""
    }

    /// A message for one step, to `people`.
    static func step(_ record: ComplaintRecord, category: String, subject: String, body: String, eventKey: String,
                     to people: [PersonRef], center: NotificationCenter, on db: any Database, at now: Date) async throws {
        guard !people.isEmpty else { return }
        try await center.send(.init(category: category, subject: "\(record.reference): \(subject)", body: body,
                                    link: link(record), eventKey: eventKey), to: people, on: db, at: now)
    }
}
