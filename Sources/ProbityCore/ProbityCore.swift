public enum ProbityCore { public static let version = "0.1.0" }
