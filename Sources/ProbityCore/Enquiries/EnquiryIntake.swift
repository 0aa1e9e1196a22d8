import Foundation

/// The checks an enquiry passes before it is registered: who may raise it for whom, the form's
/// fields, and whether the protocol refuses it for its purpose.
public enum EnquiryIntake {
    /// Whether `viewer` may raise an enquiry for `memberID`: a member for themself; a political
    /// group assistant only for a member of their own group they are named to act for (TH 12.23,
    /// LC 7); member-services staff for any member (TH 13.2, 13.3). Nobody else.
    public static func mayRaise(viewer: Viewer, forMemberID memberID: UUID, profile: ProtocolProfile,
                                org: OrgSnapshot) -> Decision {
        guard let member = org.members[memberID] else {
            return .deny("That member is not in the directory.")
        }
        let name = member.name.withCouncillorTitle
        switch viewer.kind {
        case .member:
            guard viewer.personID == memberID else {
                return .deny("Members can raise enquiries only for themselves. Another member's enquiries are confidential to them.",
                             rules: [profile.enquiryConfidentialityReference])
            }
            return .allow("You are raising an enquiry as yourself.")
        case .assistant:
            guard viewer.personID != nil, viewer.actsForMemberIDs.contains(memberID) else {
                return .deny("You can raise enquiries only for the members you are named to act for, and \(name) is not one of them.",
                             rules: profile.assistantGuidance)
            }
            guard let group = viewer.groupID, member.groupID == group else {
                return .deny("An assistant acts only for members of their own group, and \(name) is not in your group.",
                             rules: profile.assistantGuidance)
            }
            return .allow("You are raising this enquiry for \(name), whom you act for. The record shows both of you.",
                          rules: profile.assistantGuidance)
        case .officer:
            guard viewer.personID != nil, viewer.designations.contains(.memberServices) else {
                return .deny("Only member services staff can log an enquiry for a member. Members raise their own enquiries, or their group's assistant raises them for them.")
            }
            return .allow("Member services staff can log an enquiry for any member. The record shows who logged it.")
        case .partyWorker:
            return .deny("Party workers cannot raise enquiries: they have no entitlement to council information or to officers' help.",
                         rules: profile.partyWorkerGuidance)
        case .none:
            return .deny("Only members, their group's assistants and member services staff can raise enquiries.")
        }
    }

    /// Checks the form and the enquiry's purpose against `profile.enquiries.refusedPurposes`.
    /// A refused purpose wins over field errors: correcting the form would not help.
    public static func validate(_ draft: EnquiryDraft, profile: ProtocolProfile) -> EnquiryIntakeDecision {
        if let purpose = draft.purpose, let refusal = refusal(for: purpose, profile: profile) {
            return .refused(refusal)
        }
        let errors = fieldErrors(draft)
        return errors.isEmpty ? .accepted : .invalid(errors)
    }

    /// The refusal for `purpose` under this profile, or nil if officers may help with it.
    /// Each profile refuses its own list: Tower Hamlets all four (6.5, 13.7), London Councils
    /// party political, campaigning and private business (3(e)), Wigan personal and private
    /// business (6.1, 6.4); a rule not in force refuses nothing.
    public static func refusal(for purpose: EnquiryIntakePurpose, profile: ProtocolProfile) -> EnquiryRefusal? {
        let rule = profile.enquiries.refusedPurposes
        guard rule.inForce, let refusable = purpose.refusable, rule.parameters.purposes.contains(refusable) else {
            return nil
        }
        return EnquiryRefusal(
            purpose: purpose,
            reason: "This enquiry is for \(purpose.phrase), which officers cannot help with.",
            rule: rule.reference(in: profile.document)
        )
    }

    /// Rules to show on the intake form: what officers cannot help with, and that members
    /// cannot set the priority of their enquiries (TH 11.7). Only rules in force.
    public static func formGuidance(profile: ProtocolProfile) -> [RuleReference] {
        let enquiries = profile.enquiries
        var rules: [RuleReference] = []
        if enquiries.refusedPurposes.inForce, !enquiries.refusedPurposes.parameters.purposes.isEmpty {
            rules.append(enquiries.refusedPurposes.reference(in: profile.document))
        }
        if enquiries.noQueueJumping.inForce {
            rules.append(enquiries.noQueueJumping.reference(in: profile.document))
        }
        return rules
    }

    /// The form's field errors, in form order.
    public static func fieldErrors(_ draft: EnquiryDraft) -> [EnquiryFieldError] {
        var errors: [EnquiryFieldError] = []
        func add(_ field: String, _ message: String) { errors.append(EnquiryFieldError(field: field, message: message)) }

        if draft.channel == nil { add("channel", "Select how the enquiry was received") }
        let subject = draft.subject.enquiryTrimmed
        if subject.isEmpty {
            add("subject", "Enter a subject")
        } else if subject.count > EnquiryTextLimits.subject {
            add("subject", "Subject must be 200 characters or fewer")
        }
        let details = draft.details.enquiryTrimmed
        if details.isEmpty {
            add("details", "Enter the details of the enquiry")
        } else if details.count > EnquiryTextLimits.details {
            add("details", "Details must be 10,000 characters or fewer")
        }
        if draft.purpose == nil { add("purpose", "Select what the enquiry is for") }
        if draft.serviceID == nil { add("service", "Select the service the enquiry is for") }
        if draft.purpose == .wardCasework, draft.wardID == nil {
            add("ward", "Select the ward the casework is about")
        }
        if let constituent = draft.constituent {
            let name = constituent.name.enquiryTrimmed
            if name.isEmpty {
                add("constituentName", "Enter the constituent's name")
            } else if name.count > EnquiryTextLimits.constituentName {
                add("constituentName", "Constituent's name must be 200 characters or fewer")
            }
            if constituent.contact.enquiryTrimmed.count > EnquiryTextLimits.constituentContact {
                add("constituentContact", "Constituent's contact details must be 500 characters or fewer")
            }
        }
        if draft.attachments.count > EnquiryAttachment.maximumCount {
            add("attachments", "Attach 10 files or fewer")
        }
        for file in draft.attachments {
            let name = file.filename.enquiryTrimmed
            if name.isEmpty {
                add("attachments", "Each file must have a name")
            } else if file.byteCount <= 0 {
                add("attachments", "The selected file \(name) is empty")
            } else if file.byteCount > EnquiryAttachment.maximumBytes {
                add("attachments", "The selected file \(name) must be smaller than 10MB")
            }
        }
        return errors
    }
}

extension String {
    /// "Cllr Jane Smith", unless the directory name already carries a title.
    var withCouncillorTitle: String {
        let name = enquiryTrimmed
        for title in ["Cllr", "Councillor", "Mayor"] where name.hasPrefix(title + " ") {
            return name
        }
        return "Cllr \(name)"
    }
}
