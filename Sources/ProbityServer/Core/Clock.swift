import Foundation

/// The time source. Nothing reads the wall clock directly: tests inject a fixed or stepping clock.
public struct Clock: Sendable {
    private let read: @Sendable () -> Date
    public init(_ read: @escaping @Sendable () -> Date) { self.read = read }
    public var now: Date { read() }

    public static let system = Clock { Date() }
    public static func fixed(_ date: Date) -> Clock { Clock { date } }
}
