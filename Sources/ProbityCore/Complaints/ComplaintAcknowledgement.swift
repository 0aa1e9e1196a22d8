import Foundation

/// The written acknowledgement LC 13 requires within the deadline: "(a) acknowledging receipt of
/// the complaint; (b) indicating what action they intend to take; and (c) approximately how long
/// any investigation of the matter will take or any other action that they intend to take".
public struct ComplaintAcknowledgement: Sendable, Hashable, Codable {
    /// (a) That the complaint has been received.
    public var receipt: String
    /// (b) What action the handler intends to take.
    public var intendedAction: String
    /// (c) Roughly how long the investigation or other action will take.
    public var expectedTime: String

    public init(receipt: String, intendedAction: String, expectedTime: String) {
        self.receipt = receipt
        self.intendedAction = intendedAction
        self.expectedTime = expectedTime
    }

    /// Every part left blank, in the order the protocol lists them; empty when complete.
    public var missingParts: [ComplaintAcknowledgementPart] {
        ComplaintAcknowledgementPart.allCases.filter { self[$0].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    public subscript(part: ComplaintAcknowledgementPart) -> String {
        switch part {
        case .receipt: receipt
        case .intendedAction: intendedAction
        case .expectedTime: expectedTime
        }
    }

    /// Throws when any part is blank, naming every missing part.
    public func validate() throws(ComplaintTransitionError) {
        let missing = missingParts
        if !missing.isEmpty { throw .incompleteAcknowledgement(missing: missing) }
    }
}

public enum ComplaintAcknowledgementPart: String, Sendable, Hashable, Codable, CaseIterable {
    case receipt
    case intendedAction = "intended-action"
    case expectedTime = "expected-time"

    /// "that the complaint has been received".
    public var requirement: String {
        switch self {
        case .receipt: "that the complaint has been received"
        case .intendedAction: "what action will be taken"
        case .expectedTime: "roughly how long it will take"
        }
    }
}
