import Fluent
import Foundation
import ProbityCore

/// Writes messages to people inside the caller's transaction. Recipients are directory people;
/// their Probity user (for the inbox) and email address are found here.
struct NotificationCenter {
    struct Message: Sendable {
        var category: String
        var subject: String
        var body: String
        var link: String?
        var urgent = false
        /// Identifies the event; with the recipient it makes the message's dedupe key.
        var eventKey: String
    }

    let authorityID: UUID
    let privateTime: Rule<WorkingHours>
    let calendar: WorkingCalendar

    init(authorityID: UUID, protocol current: AuthorityProtocol) {
        self.authorityID = authorityID
        self.privateTime = current.profile.notifications.privateTime
        self.calendar = current.calendar
    }

    /// Queues `message` for each person once; a repeat of the same event for the same person
    /// is skipped. Returns how many messages were written.
    @discardableResult
    func send(_ message: Message, to people: [PersonRef], on db: any Database, at now: Date) async throws -> Int {
        var written = 0
        let deliverAfter = PrivateTime.deliverAfter(now, urgent: message.urgent, rule: privateTime, calendar: calendar)
        for person in Set(people).sorted(by: { $0.description < $1.description }) {
            let key = "\(message.eventKey)|\(person)"
            if try await Notification.scoped(to: authorityID, on: db).filter(\.$dedupeKey == key).count() > 0 { continue }
            let (kind, id) = Self.split(person)
            let user = try await User.query(on: db).filter(\.$authority.$id == authorityID)
                .filter(\.$personKind == (kind == "member" ? .member : .officer)).filter(\.$personID == id).first()
            let email = try await address(of: person, on: db)
            var preference = EmailPreference.immediate
            if let userID = user?.id { preference = try await NotificationPreference.of(user: userID, in: authorityID, on: db) }
            let digest = email != nil && DigestPolicy.mayWait(category: message.category, urgent: message.urgent, preference: preference)
            let n = Notification()
            n.authorityID = authorityID
            n.personKind = kind
            n.personID = id
            n.userID = user?.id
            n.category = message.category
            n.subject = message.subject
            n.body = message.body
            n.link = message.link
            n.urgent = message.urgent
            n.createdAt = now
            n.deliverAfter = deliverAfter
            n.dedupeKey = key
            n.emailAddress = email
            n.emailStatus = email == nil ? "none" : digest ? "digest" : "pending"
            n.emailAttempts = 0
            n.emailNextAttemptAt = email == nil || digest ? nil : deliverAfter
            try await n.create(on: db)
            written += 1
        }
        return written
    }

    private func address(of person: PersonRef, on db: any Database) async throws -> String? {
        switch person {
        case .officer(let id): try await Officer.find(id, in: authorityID, on: db)?.email
        case .member(let id): try await Member.find(id, in: authorityID, on: db)?.email
        }
    }

    static func split(_ person: PersonRef) -> (kind: String, id: UUID) {
        switch person {
        case .officer(let id): ("officer", id)
        case .member(let id): ("member", id)
        }
    }
}
