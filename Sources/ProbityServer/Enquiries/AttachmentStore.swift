import Crypto
import Foundation
import ProbityCore
import Vapor

/// Files sent with enquiries: checked by their content (not their name), limited in size and
/// number, and stored under the data directory where the web server never serves them.
enum AttachmentStore {
    struct Upload: Sendable {
        var filename: String
        var data: Data
    }

    struct Checked: Sendable {
        var filename: String
        var contentType: String
        var data: Data
        var sha256: String
    }

    /// Kinds accepted, recognised by their first bytes.
    static let kinds: [(name: String, contentType: String, extensions: Set<String>)] = [
        ("PDF", "application/pdf", ["pdf"]),
        ("PNG image", "image/png", ["png"]),
        ("JPEG image", "image/jpeg", ["jpg", "jpeg"]),
        ("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ["docx"]),
        ("Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ["xlsx"]),
        ("OpenDocument text", "application/vnd.oasis.opendocument.text", ["odt"]),
        ("Plain text", "text/plain", ["txt"]),
    ]

    static var acceptedDescription: String { kinds.map(\.name).joined(separator: ", ") }

    /// Checks every upload; errors name the file and say what is wrong.
    static func check(_ uploads: [Upload], field: String = "attachments") -> (files: [Checked], errors: [FieldError]) {
        var files: [Checked] = []
        var errors: [FieldError] = []
        let present = uploads.filter { !$0.data.isEmpty || !$0.filename.isEmpty }
        if present.count > EnquiryAttachment.maximumCount {
            errors.append(FieldError(field: field, message: "Attach \(EnquiryAttachment.maximumCount) files or fewer"))
        }
        for upload in present.prefix(EnquiryAttachment.maximumCount) {
            let name = safeName(upload.filename)
            if upload.data.isEmpty {
                errors.append(FieldError(field: field, message: "\(name) is empty"))
                continue
            }
            if upload.data.count > EnquiryAttachment.maximumBytes {
                errors.append(FieldError(field: field, message: "\(name) must be smaller than \(EnquiryAttachment.maximumBytes / 1_048_576) MB"))
                continue
            }
            guard let type = contentType(of: upload.data, filename: name) else {
                errors.append(FieldError(field: field, message: "\(name) must be a \(acceptedDescription)"))
                continue
            }
            let digest = SHA256.hash(data: upload.data).map { String(format: "%02x", $0) }.joined()
            files.append(Checked(filename: name, contentType: type, data: upload.data, sha256: digest))
        }
        return (files, errors)
    }

    /// The content type the bytes show, if it is one accepted and agrees with the extension.
    static func contentType(of data: Data, filename: String) -> String? {
        let ext = (filename as NSString).pathExtension.lowercased()
        let bytes = [UInt8](data.prefix(8))
        func starts(_ prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && Array(bytes.prefix(prefix.count)) == prefix }
        let detected: String?
        if starts([0x25, 0x50, 0x44, 0x46, 0x2D]) { detected = "application/pdf" }
        else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { detected = "image/png" }
        else if starts([0xFF, 0xD8, 0xFF]) { detected = "image/jpeg" }
        else if starts([0x50, 0x4B, 0x03, 0x04]) {
            // Office files are ZIP archives; the extension says which kind.
            detected = kinds.first { ["docx", "xlsx", "odt"].contains(ext) && $0.extensions.contains(ext) }?.contentType
        } else if ext == "txt", String(data: data, encoding: .utf8) != nil, !data.contains(0) { detected = "text/plain" }
        else { detected = nil }
        guard let detected, let kind = kinds.first(where: { $0.contentType == detected }), kind.extensions.contains(ext) else { return nil }
        return detected
    }

    /// A file name safe to show and to put in a Content-Disposition header.
    static func safeName(_ raw: String) -> String {
        let base = (raw as NSString).lastPathComponent
        let cleaned = base.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || " .-_()".unicodeScalars.contains($0) }
        let name = String(String.UnicodeScalarView(cleaned)).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? "attachment" : String(name.prefix(120))
    }

    /// Writes the file and returns its path relative to the data directory.
    static func write(_ file: Checked, authorityID: UUID, dataDirectory: String) throws -> String {
        let relative = "uploads/\(authorityID.uuidString.lowercased())/\(UUID().uuidString.lowercased())"
        let url = URL(fileURLWithPath: dataDirectory).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.data.write(to: url, options: [.atomic])
        return relative
    }

    static func read(_ relativePath: String, dataDirectory: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: dataDirectory).appendingPathComponent(relativePath))
    }
}
