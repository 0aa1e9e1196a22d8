import Foundation

/// An enquiry as submitted on the intake form, before it is accepted. Optional fields are nil
/// when the form left them unanswered, so the intake rules can say which to fill in.
///
/// There is no priority field: members cannot set or raise the priority of their enquiries
/// (`enquiries.noQueueJumping`, TH 11.7; LC 4(g)).
public struct EnquiryDraft: Sendable, Hashable, Codable {
    public var memberID: UUID
    public var channel: EnquiryChannel?
    public var subject: String
    public var details: String
    public var purpose: EnquiryIntakePurpose?
    /// The service the enquiry is for.
    public var serviceID: UUID?
    /// The ward it concerns; required for ward casework.
    public var wardID: UUID?
    /// The member (or member services) marked it as not routine: it goes to the director (TH 13.1).
    public var markedNonRoutine: Bool
    public var constituent: Constituent?
    public var attachments: [EnquiryAttachment]

    public init(memberID: UUID, channel: EnquiryChannel?, subject: String, details: String,
                purpose: EnquiryIntakePurpose?, serviceID: UUID?, wardID: UUID? = nil,
                markedNonRoutine: Bool = false, constituent: Constituent? = nil,
                attachments: [EnquiryAttachment] = []) {
        self.memberID = memberID
        self.channel = channel
        self.subject = subject
        self.details = details
        self.purpose = purpose
        self.serviceID = serviceID
        self.wardID = wardID
        self.markedNonRoutine = markedNonRoutine
        self.constituent = constituent
        self.attachments = attachments
    }

    /// Routine unless marked otherwise or about policy (TH 13.1: "matters which are not routine
    /// or involve policy" go to the director).
    public var isRoutine: Bool {
        !markedNonRoutine && !(purpose?.isAlwaysNonRoutine ?? false)
    }
}
