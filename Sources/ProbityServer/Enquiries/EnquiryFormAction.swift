import Foundation
import ProbityCore

/// The actions the enquiry page's forms post (`/enquiries/{id}/{action}`), read into the core's
/// `EnquiryAction`. The API reads the same fields from JSON (`EnquiryAPIController`).
enum EnquiryFormAction: String, CaseIterable, Sendable {
    case acknowledge, respond, assign, note, delay, close, reopen

    func action(form: FormBody, ctx: EnquiryContext) throws -> EnquiryAction {
        try Self.read(self, text: { form[$0] }, ctx: ctx)
    }

    /// Reads an action from named text values (form fields or JSON strings).
    static func read(_ kind: EnquiryFormAction, text: (String) -> String?, ctx: EnquiryContext) throws -> EnquiryAction {
        switch kind {
        case .acknowledge:
            let explanation = text("explanation")?.trimmingCharacters(in: .whitespacesAndNewlines)
            return .acknowledge(explanation: explanation?.isEmpty == true ? nil : explanation)
        case .delay:
            return .notifyDelay(explanation: text("explanation") ?? "")
        case .respond:
            guard let raw = text("route"), let route = ReplyRoute(rawValue: raw) else {
                throw AppError.validation([FieldError(field: "route", message: "Choose how the response is sent")])
            }
            return .respond(route: route, confidential: text("confidential") == "true", byOfficerID: ctx.viewer.kind == .officer ? ctx.viewer.personID : nil)
        case .assign:
            guard let raw = text("officer"), let id = UUID(uuidString: raw), ctx.org.officers[id] != nil else {
                throw AppError.validation([FieldError(field: "officer", message: "Choose the officer to pass the enquiry to")])
            }
            return .assign(officerID: id)
        case .note:
            guard let author = ctx.viewer.personID, ctx.viewer.kind == .officer else {
                return .addNote(text: text("note") ?? "", authorID: UUID())
            }
            return .addNote(text: text("note") ?? "", authorID: author)
        case .close:
            return .close(reason: text("reason") ?? "")
        case .reopen:
            return .reopen(reason: text("reason") ?? "")
        }
    }

    var done: String {
        switch self {
        case .acknowledge: "Enquiry acknowledged; the member has been told"
        case .respond: "Response sent; the member has been told"
        case .assign: "Enquiry passed on"
        case .note: "Note added. Members never see internal notes"
        case .delay: "The member has been told of the delay"
        case .close: "Enquiry closed"
        case .reopen: "Enquiry reopened with a new due date"
        }
    }
}
