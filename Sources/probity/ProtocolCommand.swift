import ArgumentParser
import Foundation
import ProbityCore

/// `probity protocol`: the built-in protocol profiles, and checking a custom one.
struct ProtocolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "protocol", abstract: "Protocol profiles: list, show and check.",
        subcommands: [List.self, Show.self, Check.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the built-in protocol profiles.")
        func run() throws {
            for profile in try BuiltInProfiles.all() {
                let rules = profile.allRules
                print("\(profile.id.padding(toLength: 16, withPad: " ", startingAt: 0))  \(profile.authorityName): \(profile.document.title) (\(rules.count) rules, \(rules.filter(\.isSilent).count) silent)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a built-in profile's rules with their citations.")
        @Argument(help: "The profile's id, e.g. tower-hamlets.") var name: String
        @Flag(help: "Print the whole profile as JSON.") var json = false

        func run() throws {
            guard let profile = try BuiltInProfiles.named(name) else {
                throw ValidationError("No built-in profile is called '\(name)'. Known: \(try BuiltInProfiles.ids().joined(separator: ", "))")
            }
            if json {
                print(try profile.jsonString(prettyPrinted: true))
                return
            }
            print("\(profile.authorityName): \(profile.document.title) (\(profile.document.date))")
            print("Cited as \"\(profile.document.citationName)\"; bank holidays of \(profile.region.displayName).")
            var section: ProfileSection?
            for rule in profile.allRules {
                if rule.section != section {
                    section = rule.section
                    print("\n\(rule.section.displayName)")
                }
                let flags = [rule.inForce ? nil : "not in force", rule.isSilent ? "protocol silent" : nil].compactMap { $0 }
                print("  \(rule.title)\(flags.isEmpty ? "" : " [\(flags.joined(separator: ", "))]")  (\(rule.id))")
                print("    \(rule.statement)")
                if !rule.parameters.isEmpty { print("    In Probity: \(rule.parameters)") }
                print("    \(rule.citation)")
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a custom profile file. Exits 0 when valid; otherwise lists every problem with its line and exits 1.")
        @Argument(help: "Path to a YAML profile.") var file: String

        func run() throws {
            do {
                let profile = try ProfileLoader.load(contentsOf: URL(fileURLWithPath: file))
                print("\(file): valid profile '\(profile.id)' with \(profile.allRules.count) rules.")
            } catch {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(1)
            }
        }
    }
}
