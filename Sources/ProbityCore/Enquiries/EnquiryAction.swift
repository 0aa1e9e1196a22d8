import Foundation

/// Something done to an enquiry after intake. Who may do it is `EnquiryPolicy.canAct`; whether
/// it makes sense now is `EnquiryState.applying`.
public enum EnquiryAction: Sendable, Hashable, Codable {
    /// Acknowledge receipt; an explanation makes it Wigan 6.2's explanatory acknowledgement.
    case acknowledge(explanation: String?)
    /// Tell the member of an appreciable delay (Wigan 6.2).
    case notifyDelay(explanation: String)
    /// Send the response by `route` (TH 13.4).
    case respond(route: ReplyRoute, confidential: Bool, byOfficerID: UUID?)
    /// Give the enquiry to another officer of the service.
    case assign(officerID: UUID)
    /// An internal note, never shown to the member.
    case addNote(text: String, authorID: UUID)
    case close(reason: String)
    case reopen(reason: String)
    /// Record that step `step` (index into `enquiries.chasing.steps`) of the chasing ladder was sent.
    case chase(step: Int)

    /// The kind of action, for permissions.
    public var kind: EnquiryActionKind {
        switch self {
        case .acknowledge: .acknowledge
        case .notifyDelay: .notifyDelay
        case .respond: .respond
        case .assign: .assign
        case .addNote: .addNote
        case .close: .close
        case .reopen: .reopen
        case .chase: .chase
        }
    }
}

/// Kinds of action, for `EnquiryPolicy.canAct`.
public enum EnquiryActionKind: String, Sendable, Hashable, Codable, CaseIterable {
    case acknowledge
    case notifyDelay = "notify-delay"
    case respond
    case assign
    case addNote = "add-note"
    case close
    case reopen
    /// Done by Probity's scheduler, never by a person.
    case chase

    /// "acknowledge", "add a note to", for "You cannot … this enquiry".
    public var verbPhrase: String {
        switch self {
        case .acknowledge: "acknowledge"
        case .notifyDelay: "send a delay notice for"
        case .respond: "respond to"
        case .assign: "reassign"
        case .addNote: "add a note to"
        case .close: "close"
        case .reopen: "reopen"
        case .chase: "chase"
        }
    }
}
