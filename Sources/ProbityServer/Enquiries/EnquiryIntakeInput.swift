import Foundation
import ProbityCore

/// The intake form or JSON body, as text, before it is checked.
struct EnquiryIntakeInput: Sendable {
    var memberID: String?
    var channel: String?
    var subject: String
    var details: String
    var purpose: String?
    var serviceID: String?
    var wardID: String?
    var nonRoutine: Bool
    var constituentName: String?
    var constituentContact: String?
    var constituentConsent: Bool
    var uploads: [AttachmentStore.Upload]

    /// The draft, or the fields that could not be read. Unknown ids are reported here; whether
    /// the values make sense is the core's `EnquiryIntake.validate`.
    func draft(viewer: Viewer, org: OrgSnapshot, attachments: [EnquiryAttachment]) -> (EnquiryDraft?, [FieldError]) {
        var errors: [FieldError] = []
        func uuid(_ text: String?, field: String, missing: String?) -> UUID? {
            guard let text, !text.isEmpty else {
                if let missing { errors.append(FieldError(field: field, message: missing)) }
                return nil
            }
            guard let id = UUID(uuidString: text) else {
                errors.append(FieldError(field: field, message: "Choose from the list"))
                return nil
            }
            return id
        }
        let member: UUID?
        if viewer.kind == .member, (memberID ?? "").isEmpty {
            member = viewer.personID
        } else {
            member = uuid(memberID, field: "member", missing: "Choose the member the enquiry is for")
            if let id = member, org.members[id] == nil {
                errors.append(FieldError(field: "member", message: "Choose a member of this council"))
            }
        }
        var channelValue: EnquiryChannel?
        if let channel, !channel.isEmpty {
            channelValue = EnquiryChannel(rawValue: channel)
            if channelValue == nil { errors.append(FieldError(field: "channel", message: "Choose how the enquiry was received")) }
        } else if viewer.kind == .member || viewer.kind == .assistant {
            // Raised in Probity itself; member services record how a member got in touch.
            channelValue = .web
        }
        var purposeValue: EnquiryIntakePurpose?
        if let purpose, !purpose.isEmpty {
            purposeValue = EnquiryIntakePurpose(rawValue: purpose)
            if purposeValue == nil { errors.append(FieldError(field: "purpose", message: "Choose what the enquiry is for")) }
        }
        let service = uuid(serviceID, field: "service", missing: nil)
        if let service, org.services[service] == nil {
            errors.append(FieldError(field: "service", message: "Choose a service of this council"))
        }
        let ward = uuid(wardID, field: "ward", missing: nil)
        var constituent: Constituent?
        let name = (constituentName ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let contact = (constituentContact ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !name.isEmpty || !contact.isEmpty || constituentConsent {
            constituent = Constituent(name: name, contact: contact, consentToShare: constituentConsent)
        }
        guard let member else { return (nil, errors) }
        let draft = EnquiryDraft(memberID: member, channel: channelValue, subject: subject, details: details, purpose: purposeValue,
                                 serviceID: service, wardID: ward, markedNonRoutine: nonRoutine, constituent: constituent,
                                 attachments: attachments)
        return (draft, errors)
    }
}
