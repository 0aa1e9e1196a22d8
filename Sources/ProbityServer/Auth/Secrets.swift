import Crypto
import Foundation

/// Random tokens and their stored digests. Tokens are 256-bit random values, so a plain SHA-256
/// is the right digest (a slow password hash adds nothing for them).
enum Secrets {
    static func randomToken(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func sha256(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares without leaking the position of the first difference.
    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in 0..<x.count { diff |= x[i] ^ y[i] }
        return diff == 0
    }

    static let apiTokenPrefix = "pbt_"
}

/// Password rules (ASVS 5 V6.2): 12 to 128 characters, any characters, no composition rules,
/// no forced rotation.
enum PasswordPolicy {
    static let minimum = 12
    static let maximum = 128

    static func problems(_ password: String, field: String = "password") -> [FieldError] {
        if password.count < minimum {
            return [FieldError(field: field, message: "Password must be \(minimum) characters or more")]
        }
        if password.count > maximum {
            return [FieldError(field: field, message: "Password must be \(maximum) characters or fewer")]
        }
        return []
    }
}
